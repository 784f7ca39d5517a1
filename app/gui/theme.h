#pragma once

#include "app/gui/appsettings.h"

class QApplication;

namespace tg {

// Applies a colour theme to the whole application. Light and Dark use the
// Fusion style with a fixed palette, so both stay readable on any desktop;
// System restores the style and palette the application started with.
void applyTheme(QApplication& app, Theme theme);

} // namespace tg
