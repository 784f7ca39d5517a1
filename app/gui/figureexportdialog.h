#pragma once

#include <QDialog>
#include <QSize>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tg {

// Asks where and how to export figures: a file and its format for one
// figure, or a folder and one or more formats for all of them, and the size
// in pixels (PNG) or points (SVG, PDF).
class FigureExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        SingleFigure,
        AllFigures,
    };

    FigureExportDialog(Mode mode, const QString& suggestedPath, QWidget* parent = nullptr);

    // The file (single figure) or the folder (all figures).
    QString path() const;
    // "svg", "pdf" and/or "png"; one entry for a single figure.
    QStringList formats() const;
    QSize figureSize() const;
    void setFigureSize(QSize size);

private:
    void browse();
    void updateState();
    QString problem() const;

    Mode m_mode;
    QLineEdit* m_path = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_svg = nullptr;
    QCheckBox* m_pdf = nullptr;
    QCheckBox* m_png = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tg
