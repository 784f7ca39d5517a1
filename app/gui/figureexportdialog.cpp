#include "app/gui/figureexportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace tg {

namespace {

constexpr int kMinSide = 64;
constexpr int kMaxSide = 10000;

} // namespace

FigureExportDialog::FigureExportDialog(Mode mode, const QString& suggestedPath, QWidget* parent)
    : QDialog(parent), m_mode(mode)
{
    setWindowTitle(mode == Mode::SingleFigure ? tr("Export Figure") : tr("Export All Figures"));
    auto* form = new QFormLayout(this);

    m_path = new QLineEdit(suggestedPath, this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(mode == Mode::SingleFigure ? tr("File:") : tr("Folder:"), pathRow);

    if (mode == Mode::SingleFigure) {
        m_format = new QComboBox(this);
        m_format->addItem(tr("SVG (vector)"), QStringLiteral("svg"));
        m_format->addItem(tr("PDF (vector)"), QStringLiteral("pdf"));
        m_format->addItem(tr("PNG (image)"), QStringLiteral("png"));
        const int index = m_format->findData(QFileInfo(suggestedPath).suffix().toLower());
        m_format->setCurrentIndex(std::max(index, 0));
        form->addRow(tr("Format:"), m_format);
        connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
            const QFileInfo info(m_path->text());
            m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') +
                                                m_format->currentData().toString()));
        });
    } else {
        m_svg = new QCheckBox(QStringLiteral("SVG"), this);
        m_pdf = new QCheckBox(QStringLiteral("PDF"), this);
        m_png = new QCheckBox(QStringLiteral("PNG"), this);
        auto* formats = new QHBoxLayout;
        for (QCheckBox* box : {m_svg, m_pdf, m_png}) {
            box->setChecked(true);
            formats->addWidget(box);
            connect(box, &QCheckBox::toggled, this, &FigureExportDialog::updateState);
        }
        form->addRow(tr("Formats:"), formats);
    }

    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(kMinSide, kMaxSide);
        box->setSuffix(tr(" px"));
        box->setToolTip(tr("Pixels for PNG; points (1/72 inch) for SVG and PDF"));
    }
    setFigureSize({1200, 800});
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    form->addRow(tr("Size:"), sizeRow);

    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; font-weight: bold; }"));
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    form->addRow(m_buttons);

    connect(browse, &QPushButton::clicked, this, &FigureExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &FigureExportDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

QString FigureExportDialog::path() const
{
    return m_path->text().trimmed();
}

QStringList FigureExportDialog::formats() const
{
    if (m_mode == Mode::SingleFigure)
        return {m_format->currentData().toString()};
    QStringList result;
    if (m_svg->isChecked())
        result << QStringLiteral("svg");
    if (m_pdf->isChecked())
        result << QStringLiteral("pdf");
    if (m_png->isChecked())
        result << QStringLiteral("png");
    return result;
}

QSize FigureExportDialog::figureSize() const
{
    return {m_width->value(), m_height->value()};
}

void FigureExportDialog::setFigureSize(QSize size)
{
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}

void FigureExportDialog::browse()
{
    QString chosen;
    if (m_mode == Mode::AllFigures) {
        chosen = QFileDialog::getExistingDirectory(this, tr("Export Folder"), path());
    } else {
        chosen = QFileDialog::getSaveFileName(this, tr("Export Figure"), path(),
                                              tr("SVG (*.svg);;PDF (*.pdf);;PNG (*.png)"));
        const int index = m_format->findData(QFileInfo(chosen).suffix().toLower());
        if (index >= 0)
            m_format->setCurrentIndex(index);
    }
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

QString FigureExportDialog::problem() const
{
    if (path().isEmpty())
        return m_mode == Mode::SingleFigure ? tr("Choose a file name.")
                                            : tr("Choose a folder for the figures.");
    if (m_mode == Mode::AllFigures && formats().isEmpty())
        return tr("Choose at least one format.");
    if (m_mode == Mode::AllFigures && QFileInfo(path()).isFile())
        return tr("%1 is a file; choose a folder.").arg(path());
    return {};
}

void FigureExportDialog::updateState()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

} // namespace tg
