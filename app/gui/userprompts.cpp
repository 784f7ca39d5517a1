#include "app/gui/userprompts.h"

#include <QFileDialog>

namespace tg {

void MessageBoxPrompts::showError(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::critical(parent, title, text);
}

void MessageBoxPrompts::showInformation(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::information(parent, title, text);
}

QMessageBox::StandardButton MessageBoxPrompts::ask(QWidget* parent, const QString& title,
                                                   const QString& text,
                                                   QMessageBox::StandardButtons buttons,
                                                   QMessageBox::StandardButton defaultButton)
{
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

QString MessageBoxPrompts::saveFileName(QWidget* parent, const QString& title,
                                        const QString& suggested, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

} // namespace tg
