package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// officerProfiles is what the profile form needs of a workspace.
type officerProfiles interface {
	SetOfficer(ctx context.Context, o model.Officer) (model.Officer, error)
}

// languageChoices are the languages in their own words, as a speaker looks
// for them.
var languageChoices = newChoices(model.Languages, func(l model.Language) string {
	return map[model.Language]string{
		model.English:    "English",
		model.Spanish:    "Español",
		model.Portuguese: "Português",
		model.French:     "Français",
	}[l]
})

// profileForm asks for the officer's profile. The window shows it before
// anything else on first run: every record carries its author and every
// new case ref the officer's prefix, so nothing can be written without it.
type profileForm struct {
	store   officerProfiles
	win     fyne.Window
	bg      *background
	onSaved func(model.Officer)

	name, agency, prefix *widget.Entry
	country, marking     *widget.SelectEntry
	language             *widget.Select
	errs                 *fieldErrors
	save                 *widget.Button
	saving               bool

	card *widget.Card // the form in its card, as the settings screen shows it

	content fyne.CanvasObject
}

// newProfileForm builds the form filled with o (the zero Officer on first run).
func newProfileForm(store officerProfiles, win fyne.Window, bg *background, o model.Officer, onSaved func(model.Officer)) *profileForm {
	p := &profileForm{store: store, win: win, bg: bg, onSaved: onSaved, errs: newFieldErrors()}

	p.name = widget.NewEntry()
	p.name.SetPlaceHolder("As it appears on your warrant card")
	p.agency = widget.NewEntry()
	p.agency.SetPlaceHolder("e.g. Guardia Civil – Servicio de Vigilancia Aduanera")
	p.country = newCountryEntry()
	p.prefix = widget.NewEntry()
	p.prefix.SetPlaceHolder("e.g. ESA")
	p.marking = widget.NewSelectEntry(model.HandlingMarkings)
	p.language = widget.NewSelect(languageChoices.labels, nil)

	p.name.SetText(o.Name)
	p.agency.SetText(o.Agency)
	p.country.SetText(countryText(o.Country))
	p.prefix.SetText(o.RefPrefix)
	p.marking.SetText(o.DefaultMarking)
	if o.DefaultMarking == "" {
		p.marking.SetText(model.HandlingMarkings[0])
	}
	p.language.SetSelected(languageChoices.label(o.Language))
	if o.Language == "" {
		p.language.SetSelected(languageChoices.label(model.English))
	}

	p.save = widget.NewButtonWithIcon("Save profile", theme.ConfirmIcon(), p.onSave)
	p.save.Importance = widget.HighImportance
	for _, e := range []*widget.Entry{p.name, p.agency, p.prefix} {
		e.OnChanged = func(string) { p.updateSave() }
		e.OnSubmitted = func(string) { p.onSubmit() }
	}
	p.updateSave()

	form := widget.NewForm(
		widget.NewFormItem("Name", p.errs.field(p.name, "officer name")),
		widget.NewFormItem("Agency", p.errs.field(p.agency, "agency")),
		widget.NewFormItem("Country", p.errs.field(p.country, "country")),
		&widget.FormItem{Text: "Case-ref prefix", Widget: p.errs.field(p.prefix, "case-ref prefix"),
			HintText: "2 to 8 capital letters: your cases are numbered ESA-2026-0001, ESA-2026-0002…"},
		&widget.FormItem{Text: "Default marking", Widget: p.errs.field(p.marking, "default marking", "handling marking"),
			HintText: "Put on every new case unless you choose another"},
		widget.NewFormItem("Language", p.errs.choice(p.language, "language")),
	)
	p.card = widget.NewCard("Your officer profile",
		"Bollard signs every record you write with your name and agency. The profile stays in this workspace.",
		container.NewVBox(form, p.errs.general, container.NewHBox(layout.NewSpacer(), p.save)))
	p.content = container.NewCenter(withMinSize(p.card, fyne.NewSize(640, 0)))
	return p
}

// officer is the profile as typed.
func (p *profileForm) officer() model.Officer {
	return model.Officer{
		Name:           p.name.Text,
		Agency:         p.agency.Text,
		Country:        countryCode(p.country.Text),
		RefPrefix:      p.prefix.Text,
		DefaultMarking: p.marking.Text,
		Language:       languageChoices.value(p.language.Selected),
	}
}

// updateSave keeps Save disabled until the fields without which the profile
// means nothing are filled, and while a save is under way.
func (p *profileForm) updateSave() {
	blank := func(e *widget.Entry) bool { return strings.TrimSpace(e.Text) == "" }
	if p.saving || blank(p.name) || blank(p.agency) || blank(p.prefix) {
		p.save.Disable()
	} else {
		p.save.Enable()
	}
}

// onSubmit saves when Enter is pressed in a field, if Save could be tapped.
func (p *profileForm) onSubmit() {
	if !p.save.Disabled() {
		p.onSave()
	}
}

// onSave hands the profile to the workspace, which validates it; what it
// refuses is shown next to each field.
func (p *profileForm) onSave() {
	o := p.officer()
	p.saving = true
	p.updateSave()
	inBackground(p.bg, func(ctx context.Context) (model.Officer, error) {
		return p.store.SetOfficer(ctx, o)
	}, func(saved model.Officer, err error) {
		p.saving = false
		p.updateSave()
		if err != nil {
			if !p.errs.show(err) {
				showError(p.win, "save your officer profile", err)
			}
			return
		}
		p.errs.clear()
		p.onSaved(saved)
	})
}
