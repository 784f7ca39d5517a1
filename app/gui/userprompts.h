#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace tg {

// How the main window reports errors, asks questions and asks for file
// names. The default shows modal dialogs; tests install one that records the
// text and answers at once, so no dialog blocks the event loop.
class UserPrompts
{
public:
    virtual ~UserPrompts() = default;

    virtual void showError(QWidget* parent, const QString& title, const QString& text) = 0;
    virtual void showInformation(QWidget* parent, const QString& title, const QString& text) = 0;

    // Returns the button the user pressed, or `escapeButton` when the
    // dialog was dismissed.
    virtual QMessageBox::StandardButton ask(QWidget* parent, const QString& title,
                                            const QString& text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton) = 0;

    // Asks for a file to write; returns an empty string when cancelled.
    virtual QString saveFileName(QWidget* parent, const QString& title, const QString& suggested,
                                 const QString& filter) = 0;
};

class MessageBoxPrompts : public UserPrompts
{
public:
    void showError(QWidget* parent, const QString& title, const QString& text) override;
    void showInformation(QWidget* parent, const QString& title, const QString& text) override;
    QMessageBox::StandardButton ask(QWidget* parent, const QString& title, const QString& text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton) override;
    QString saveFileName(QWidget* parent, const QString& title, const QString& suggested,
                         const QString& filter) override;
};

} // namespace tg
