#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tg {

// The status bar part that follows a running experiment: a progress bar,
// the estimated time left and a Cancel button. Hidden while nothing runs.
class RunStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RunStatusWidget(QWidget* parent = nullptr);

    // Shows the widget with an empty bar and enables Cancel.
    void startRun();
    // `fraction` in [0, 1]; a negative `secondsRemaining` shows that no
    // estimate exists yet.
    void setProgress(double fraction, double secondsRemaining);
    void finishRun();

    QString remainingText() const;
    int progressPercent() const;
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QProgressBar* m_bar;
    QLabel* m_remaining;
    QPushButton* m_cancel;
};

// "2 h 05 min", "4 min 10 s", "12 s": a duration for a status bar.
QString formatDuration(double seconds);

} // namespace tg
