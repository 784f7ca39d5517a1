#include "app/gui/runstatuswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <cmath>

namespace tg {

QString formatDuration(double seconds)
{
    const qint64 total = std::llround(std::max(0.0, seconds));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 rest = total % 60;
    if (hours > 0)
        return RunStatusWidget::tr("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return RunStatusWidget::tr("%1 min %2 s").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
    return RunStatusWidget::tr("%1 s").arg(rest);
}

RunStatusWidget::RunStatusWidget(QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_remaining(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_remaining);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(220);
    m_bar->setToolTip(tr("Share of the planned training steps done"));
    m_remaining->setToolTip(tr("Estimated time until every candidate is trained"));
    m_cancel->setToolTip(tr("Stop training; finished candidates and checkpoints are kept"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_remaining->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
    });
    hide();
}

void RunStatusWidget::startRun()
{
    m_bar->setValue(0);
    m_remaining->setText(tr("Estimating time left…"));
    m_cancel->setEnabled(true);
    show();
}

void RunStatusWidget::setProgress(double fraction, double secondsRemaining)
{
    m_bar->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
    if (!m_cancel->isEnabled())
        return;
    if (secondsRemaining < 0)
        m_remaining->setText(tr("Estimating time left…"));
    else
        m_remaining->setText(tr("%1 left").arg(formatDuration(secondsRemaining)));
}

void RunStatusWidget::finishRun()
{
    hide();
}

QString RunStatusWidget::remainingText() const
{
    return m_remaining->text();
}

int RunStatusWidget::progressPercent() const
{
    return m_bar->value() / 10;
}

} // namespace tg
