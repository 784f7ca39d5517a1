#pragma once

#include "core/candidatetable.h"

#include <QPalette>
#include <QString>

namespace tg::test {

// A three-task table (depth, normal, edges) in CSV form: a full and a half-size
// network per task, the pairs except normal+edges, and the triple. Without the
// normal+edges pair the affinity of those two tasks is missing.
QString threeTaskCsv();

// A synthetic table with every non-empty subset of `taskCount` tasks as a
// full-size network (cost 1) plus a half-size network (cost 0.5) per task,
// 2^n - 1 + n networks in all. Losses follow a fixed pairwise affinity
// pattern with a small penalty per extra task, so that groupings differ as
// in trained tables. Every call returns the same table.
CandidateTable syntheticTable(int taskCount);

// A dark palette for readability checks of the views.
QPalette darkPalette();

} // namespace tg::test
