#include "app/gui/affinityview.h"

#include "widgets/affinityheatmapwidget.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace tg {

namespace {

QWidget* titled(const QString& title, const QString& toolTip, QWidget* content)
{
    auto* box = new QGroupBox(title);
    box->setToolTip(toolTip);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

} // namespace

AffinityView::AffinityView(QWidget* parent)
    : QWidget(parent), m_relative(new AffinityHeatmapWidget), m_affinity(new AffinityHeatmapWidget),
      m_problems(new QLabel(this)), m_current(m_relative)
{
    for (AffinityHeatmapWidget* heatmap : {m_relative, m_affinity}) {
        heatmap->setFocusPolicy(Qt::StrongFocus);
        heatmap->installEventFilter(this);
    }
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(
        titled(tr("Relative performance (%)"),
               tr("How much better the column task does in the pair network with the row task than "
                  "alone in a half-size network"),
               m_relative));
    splitter->addWidget(titled(tr("Multi-task affinity (%)"),
                               tr("The mean of the relative performance in both directions"),
                               m_affinity));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problems);
    m_problems->hide();
}

bool AffinityView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::MouseButtonPress) {
        if (watched == m_relative || watched == m_affinity)
            m_current = static_cast<AffinityHeatmapWidget*>(watched);
    }
    return QWidget::eventFilter(watched, event);
}

void AffinityView::setTable(std::shared_ptr<const CandidateTable> table)
{
    m_matrices = table ? computeAffinity(*table) : AffinityMatrices{};
    m_relative->setAffinity(m_matrices, AffinityKind::Relative);
    m_affinity->setAffinity(m_matrices, AffinityKind::Affinity);

    QStringList lines;
    for (const std::string& problem : m_matrices.problems)
        lines << QString::fromStdString(problem);
    m_problems->setText(
        lines.isEmpty()
            ? QString()
            : tr("Cells marked n/a lack inputs: %1").arg(lines.join(QStringLiteral(" "))));
    m_problems->setVisible(!lines.isEmpty());
}

} // namespace tg
