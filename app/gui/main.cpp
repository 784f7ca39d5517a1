#include "app/gui/appsettings.h"
#include "app/gui/appsetup.h"
#include "app/gui/commandline.h"
#include "app/gui/mainwindow.h"
#include "app/gui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    tg::initApplicationResources();
    tg::configureApplication(app);
    tg::installTranslators(app, tg::chosenLanguage());
    tg::applyTheme(app, tg::AppSettings().theme());

    QCommandLineParser parser;
    tg::addCommandLineOptions(parser);
    parser.process(app);

    tg::MainWindow window;
    window.show();
    // Opened once the event loop runs, so an error dialog has a shown window
    // as its parent.
    const QStringList arguments = QApplication::arguments();
    QTimer::singleShot(0, &window,
                       [&window, arguments] { tg::openFromCommandLine(window, arguments); });
    return QApplication::exec();
}
