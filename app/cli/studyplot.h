#pragma once

#include "core/candidatetable.h"
#include "core/shortcutstudy.h"

#include <QString>
#include <QStringList>

namespace tg::cli {

// Returns true when this build can draw plots: that needs the widget library
// and a QApplication, which main() creates for the study command.
bool studyPlotsAvailable();

// Writes study-tradeoff.svg, .pdf and .png to `folder`: each strategy's test
// loss against budget, with the all-in-one and independent baselines on the
// exhaustive test table. Appends the written paths to `written`. Built without
// the widget library, writes nothing and returns true. Returns false with a
// message naming the path on failure.
bool writeStudyPlots(const StudyReport& report, const CandidateTable& exhaustiveTest,
                     const QString& folder, QStringList* written, QString* error);

} // namespace tg::cli
