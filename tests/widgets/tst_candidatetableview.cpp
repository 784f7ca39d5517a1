#include "widgets/candidatetablemodel.h"
#include "widgets/candidatetableview.h"
#include "widgettestsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFont>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

class CandidateTableViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelShowsTable();
    void modelMarksApproximateRows();
    void sortByTaskPutsUnsolvedLast();
    void sortByCostIsNumeric();
    void copySelectionAsTabs();
    void exportCsvWritesShownOrder();
    void exportCsvReportsFailure();

private:
    std::shared_ptr<const CandidateTable> m_table;
};

void CandidateTableViewTest::initTestCase()
{
    TableReadResult read = parseCandidateCsv(test::threeTaskCsv().toStdString(), "three.csv");
    QVERIFY2(read, read.error.c_str());
    m_table = std::make_shared<const CandidateTable>(std::move(*read.table));
}

void CandidateTableViewTest::modelShowsTable()
{
    CandidateTableModel model;
    model.setTable(m_table);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Network"));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("depth"));
    QCOMPARE(model.index(3, CandidateTableModel::CostColumn).data().toString(),
             QStringLiteral("0.5"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("0.5"));
    QCOMPARE(model.index(0, 4).data().toString(), QString());
    QCOMPARE(model.index(6, 4).data().toString(), QStringLiteral("0.86"));
}

void CandidateTableViewTest::modelMarksApproximateRows()
{
    CandidateTableModel model;
    model.setTable(m_table);
    const int predicted = m_table->networkIndex("depth+edges");
    const int earlyStop = m_table->networkIndex("edges-half");
    const int trained = m_table->networkIndex("depth");

    QCOMPARE(model.index(predicted, CandidateTableModel::OriginColumn).data().toString(),
             QStringLiteral("predicted"));
    QVERIFY(model.index(predicted, 0).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(model.index(earlyStop, 0).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!model.index(trained, 0).data(Qt::FontRole).isValid());
    QVERIFY(model.index(predicted, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(predicted, 0).data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(model.index(trained, 0).data(Qt::ToolTipRole).toString().isEmpty());
}

void CandidateTableViewTest::sortByTaskPutsUnsolvedLast()
{
    CandidateTableView view;
    view.setTable(m_table);
    view.sortByColumn(CandidateTableModel::FirstTaskColumn, Qt::AscendingOrder);
    QSortFilterProxyModel* proxy = view.proxyModel();
    QStringList losses;
    for (int row = 0; row < proxy->rowCount(); ++row)
        losses.append(proxy->index(row, CandidateTableModel::FirstTaskColumn).data().toString());
    QCOMPARE(losses,
             (QStringList{QStringLiteral("0.45"), QStringLiteral("0.49"), QStringLiteral("0.5"),
                          QStringLiteral("0.53"), QStringLiteral("0.56"), QString(), QString(),
                          QString(), QString()}));
}

void CandidateTableViewTest::sortByCostIsNumeric()
{
    CandidateTableView view;
    view.setTable(m_table);
    view.sortByColumn(CandidateTableModel::CostColumn, Qt::AscendingOrder);
    QSortFilterProxyModel* proxy = view.proxyModel();
    for (int row = 0; row < 3; ++row)
        QCOMPARE(proxy->index(row, CandidateTableModel::CostColumn).data().toString(),
                 QStringLiteral("0.5"));
    QCOMPARE(proxy->index(3, CandidateTableModel::CostColumn).data().toString(),
             QStringLiteral("1"));
}

void CandidateTableViewTest::copySelectionAsTabs()
{
    CandidateTableView view;
    view.setTable(m_table);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.sortByColumn(CandidateTableModel::NameColumn, Qt::AscendingOrder);

    // Names ascending: depth, depth+edges, depth+normal, ...; select the name
    // and depth columns of the first two rows.
    QSortFilterProxyModel* proxy = view.proxyModel();
    const QItemSelection selection(proxy->index(0, 0), proxy->index(1, 0));
    view.selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    view.selectionModel()->select(QItemSelection(proxy->index(0, 3), proxy->index(1, 3)),
                                  QItemSelectionModel::Select);
    const QString expected = QStringLiteral("depth\t\t\t0.5\ndepth+edges\t\t\t0.53\n");
    QCOMPARE(view.selectionText(), expected);

    QApplication::clipboard()->clear();
    view.setFocus();
    QTest::keySequence(&view, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), expected);
}

void CandidateTableViewTest::exportCsvWritesShownOrder()
{
    CandidateTableView view;
    view.setTable(m_table);
    view.sortByColumn(CandidateTableModel::CostColumn, Qt::AscendingOrder);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("table.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 11); // header, nine rows, empty after the last line end
    QCOMPARE(lines[0], QStringLiteral("Network,Cost,Origin,depth,normal,edges"));
    QCOMPARE(lines[1], QStringLiteral("depth-half,0.5,trained,0.56,,"));
    QCOMPARE(lines[3], QStringLiteral("edges-half,0.5,early stop,,,0.33"));
    QCOMPARE(lines[10], QString());
}

void CandidateTableViewTest::exportCsvReportsFailure()
{
    CandidateTableView view;
    view.setTable(m_table);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing-folder/table.csv"));
    QString error;
    QVERIFY(!view.exportCsv(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(CandidateTableViewTest)
#include "tst_candidatetableview.moc"
