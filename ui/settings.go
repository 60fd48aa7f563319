package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// The appearance the officer chose, kept in the preferences under prefTheme.
const (
	prefTheme   = "theme"
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

var themeChoices = newChoices([]string{themeSystem, themeLight, themeDark}, func(v string) string {
	return map[string]string{themeSystem: "Follow the system", themeLight: "Light", themeDark: "Dark"}[v]
})

// fixedVariant is Fyne's theme always in one variant, light or dark,
// whatever the system says.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color is the theme's colour in the chosen variant.
func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme puts the appearance the preferences name on the app.
func applyTheme(a fyne.App) {
	choice := a.Preferences().StringWithFallback(prefTheme, themeSystem)
	switch choice {
	case themeLight:
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case themeDark:
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// newIdleLockEntry is the field for the minutes idle before the window
// locks, kept in the app's preferences as soon as it holds a number.
func newIdleLockEntry(prefs fyne.Preferences) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(strconv.Itoa(prefs.IntWithFallback(prefIdleLock, defaultIdleLock)))
	e.Validator = func(text string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(text)); err != nil || n < 0 || n > maxIdleLock {
			return fmt.Errorf("a number of minutes from 0 (never) to %d", maxIdleLock)
		}
		return nil
	}
	e.OnChanged = func(text string) {
		if n, err := strconv.Atoi(strings.TrimSpace(text)); err == nil && n >= 0 && n <= maxIdleLock {
			prefs.SetInt(prefIdleLock, n)
		}
	}
	return e
}

// settingsStore is what the settings screen needs of a workspace.
type settingsStore interface {
	officerProfiles
	Path() string
	BlobDir() string
}

// settingsScreen is where the officer chooses light or dark, edits their
// profile, and finds where the workspace's files are and which version of
// Bollard this is.
type settingsScreen struct {
	theme   *widget.RadioGroup
	idle    *widget.Entry // minutes idle before an encrypted workspace locks
	profile *profileForm
	saved   *widget.Label // "Profile saved." after a save
	content fyne.CanvasObject
}

// newSettingsScreen builds the screen for the workspace store with officer
// o; onProfileSaved hears of a new profile.
func newSettingsScreen(store settingsStore, win fyne.Window, bg *background, o model.Officer, onProfileSaved func(model.Officer)) *settingsScreen {
	s := &settingsScreen{saved: &widget.Label{Importance: widget.SuccessImportance}}
	a := fyne.CurrentApp()
	s.theme = widget.NewRadioGroup(themeChoices.labels, nil)
	s.theme.Horizontal = true
	s.theme.Required = true
	s.theme.SetSelected(themeChoices.label(a.Preferences().StringWithFallback(prefTheme, themeSystem)))
	s.theme.OnChanged = func(label string) {
		a.Preferences().SetString(prefTheme, themeChoices.value(label))
		applyTheme(a)
	}

	s.idle = newIdleLockEntry(a.Preferences())

	s.profile = newProfileForm(store, win, bg, o, func(saved model.Officer) {
		s.saved.SetText("Profile saved.")
		if onProfileSaved != nil {
			onProfileSaved(saved)
		}
	})
	s.profile.card.SetTitle("Officer profile")

	path := func(p string) *widget.Label {
		return &widget.Label{Text: p, Selectable: true, Wrapping: fyne.TextWrapBreak}
	}
	workspace := widget.NewForm(
		widget.NewFormItem("Workspace file", path(store.Path())),
		widget.NewFormItem("Attached files", path(store.BlobDir())),
	)
	about := widget.NewForm(
		widget.NewFormItem("Version", widget.NewLabel(app.Version)),
		widget.NewFormItem("Workspace schema", widget.NewLabel(fmt.Sprint(app.SchemaVersion()))),
	)

	column := container.NewVBox(
		widget.NewCard("Appearance", "", s.theme),
		widget.NewCard("Locking", "An encrypted workspace locks on Ctrl+L, and by itself when left alone.",
			container.NewVBox(
				container.NewHBox(widget.NewLabel("Lock after"), withMinSize(s.idle, fyne.NewSize(80, 0)), widget.NewLabel("minutes idle")),
				&widget.Label{Text: "0 means never. A workspace that is not encrypted is never locked.", SizeName: theme.SizeNameCaptionText},
			)),
		s.profile.card,
		s.saved,
		widget.NewCard("Workspace", "The files Bollard keeps this workspace in. Back both up together.", workspace),
		widget.NewCard("About Bollard", "", about),
	)
	s.content = container.NewBorder(container.NewPadded(newHeading("Settings")), nil, nil, nil,
		container.NewVScroll(container.NewCenter(withMinSize(column, fyne.NewSize(760, 0)))))
	return s
}
