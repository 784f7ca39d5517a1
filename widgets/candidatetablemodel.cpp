#include "widgets/candidatetablemodel.h"

#include "core/tablevalidation.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace tg {

namespace {

QString originText(Origin origin)
{
    switch (origin) {
    case Origin::Trained:
        return CandidateTableModel::tr("trained");
    case Origin::EarlyStop:
        return CandidateTableModel::tr("early stop");
    case Origin::Predicted:
        return CandidateTableModel::tr("predicted");
    }
    return {};
}

QString originToolTip(Origin origin)
{
    switch (origin) {
    case Origin::Trained:
        return {};
    case Origin::EarlyStop:
        return CandidateTableModel::tr(
            "Losses measured after a shortened training run, not after full training");
    case Origin::Predicted:
        return CandidateTableModel::tr(
            "Losses predicted from smaller networks; this network was not trained");
    }
    return {};
}

} // namespace

CandidateTableModel::CandidateTableModel(QObject* parent) : QAbstractTableModel(parent)
{}

void CandidateTableModel::setTable(std::shared_ptr<const CandidateTable> table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int CandidateTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return static_cast<int>(m_table->networks.size());
}

int CandidateTableModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return FirstTaskColumn + static_cast<int>(m_table->tasks.size());
}

QVariant CandidateTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_table)
        return {};
    const Network& network = m_table->networks[static_cast<std::size_t>(index.row())];

    switch (role) {
    case Qt::DisplayRole:
        return displayData(network, index.column());
    case SortRole:
        return sortData(network, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == NameColumn || index.column() == OriginColumn)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (network.origin != Origin::Trained) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (network.origin == Origin::Predicted)
            return QBrush(QColor(0x9c, 0x75, 0x5f, 48));
        if (network.origin == Origin::EarlyStop)
            return QBrush(QColor(0x4e, 0x79, 0xa7, 40));
        return {};
    case Qt::ToolTipRole:
        return originToolTip(network.origin);
    default:
        return {};
    }
}

QVariant CandidateTableModel::displayData(const Network& network, int column) const
{
    if (column == NameColumn)
        return QString::fromStdString(network.name);
    if (column == CostColumn)
        return QString::fromStdString(formatCost(network.cost));
    if (column == OriginColumn)
        return originText(network.origin);
    const auto task = static_cast<std::size_t>(column - FirstTaskColumn);
    if (!network.solves(task))
        return QString();
    return QString::fromStdString(formatLoss(network.losses[task]));
}

QVariant CandidateTableModel::sortData(const Network& network, int column) const
{
    if (column == NameColumn)
        return QString::fromStdString(network.name);
    if (column == CostColumn)
        return static_cast<qlonglong>(network.cost);
    if (column == OriginColumn)
        return static_cast<int>(network.origin);
    // Unsolved is +infinity in the table already, so it sorts after every loss.
    return network.losses[static_cast<std::size_t>(column - FirstTaskColumn)];
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || !m_table)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section >= FirstTaskColumn)
        return tr("Validation loss on this task; empty where the network has no decoder for it");
    if (role == Qt::ToolTipRole && section == CostColumn)
        return tr("Inference cost in standard network times (SNT)");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Network");
    case CostColumn:
        return tr("Cost");
    case OriginColumn:
        return tr("Origin");
    default:
        return QString::fromStdString(
            m_table->tasks[static_cast<std::size_t>(section - FirstTaskColumn)]);
    }
}

} // namespace tg
