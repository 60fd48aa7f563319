package ui

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

// dossierStore is what the Dossier tab needs of a workspace: what a
// dossier is rendered from (its file, which nothing is saved over, the
// case, the officer who signs the dossier, and the attached photographs).
type dossierStore interface {
	dossier.Workspace
}

// dossierPanel is the Dossier tab of the case view: the same choices as
// `bollard dossier` (language, non-nominal version, marking, sections),
// a save dialog, a progress bar while the PDF is written off the UI
// goroutine, and the way to the folder it was saved in.
type dossierPanel struct {
	store   dossierStore
	win     fyne.Window
	bg      *background
	caseRef func() string

	language *widget.Select
	redact   *widget.Check
	// redactedTitle is the title the non-nominal version prints instead
	// of the case's, which often names the suspect; shown with the box.
	redactedTitle *widget.Entry
	titleBox      *fyne.Container
	marking       *widget.SelectEntry
	markingNote   *widget.Label // which marking will print
	sections      *widget.CheckGroup
	save          *widget.Button
	progress      *widget.ProgressBar
	status        *widget.Label
	folder        *widget.Button

	savedIn string // the folder of the last dossier saved
	content fyne.CanvasObject

	// The case the choices were made for, and its own marking: another
	// case starts again from its own marking, named, not from the last
	// case's override or redaction.
	shownRef    string
	caseMarking string
}

// dossierTab is the Dossier tab's content: the panel, and the way the
// case view tells it which case it shows.
type dossierTab struct {
	widget.BaseWidget
	panel *dossierPanel
}

func (t *dossierTab) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.panel.content)
}

// show is the case view's word that the case shown was read.
func (t *dossierTab) show(f app.CaseFile) { t.panel.show(f) }

// followCase is the show function of a case tab whose content follows the
// case shown (the Dossier tab), nil for content that does not.
func followCase(content fyne.CanvasObject) func(app.CaseFile) {
	if c, ok := content.(interface{ show(app.CaseFile) }); ok {
		return c.show
	}
	return nil
}

// The languages as their speakers name them, in model.Languages order.
var dossierLanguages = []string{"English", "Español", "Português", "Français"}

// sectionLabels are the sections as the officer ticks them.
var sectionLabels = map[dossier.Section]string{
	dossier.SectionSummary: "Case summary", dossier.SectionTimeline: "Timeline", dossier.SectionSeizures: "Seizures and totals",
	dossier.SectionEntities: "Persons, organisations and other entities", dossier.SectionRelations: "Relationship chart",
	dossier.SectionEvidence: "Evidence register", dossier.SectionPhotos: "Photographs",
	dossier.SectionTasks: "Tasks and assistance requests", dossier.SectionNotes: "Notes", dossier.SectionAnnex: "Annex: source records",
}

// newDossierPanel builds the Dossier tab for the case caseRef names when
// the officer asks for the PDF.
func newDossierPanel(win fyne.Window, bg *background, ws dossierStore, caseRef func() string) fyne.CanvasObject {
	t := &dossierTab{panel: newDossierPanelView(win, bg, ws, caseRef)}
	t.ExtendBaseWidget(t)
	return t
}

func newDossierPanelView(win fyne.Window, bg *background, ws dossierStore, caseRef func() string) *dossierPanel {
	p := &dossierPanel{store: ws, win: win, bg: bg, caseRef: caseRef}
	p.language = widget.NewSelect(dossierLanguages, nil)
	p.language.SetSelectedIndex(0)
	p.redact = widget.NewCheck("Non-nominal version: persons by pseudonyms (Person A…); names, birth dates, document numbers, "+
		"contacts, addresses and vehicles withheld wherever they are written", p.onRedact)
	p.redactedTitle = widget.NewEntry()
	p.redactedTitle.SetPlaceHolder("Empty: the ref, the threat types and the corridor")
	p.titleBox = container.NewVBox(widget.NewLabel("Title for the non-nominal version"), p.redactedTitle)
	p.titleBox.Hide()
	p.marking = widget.NewSelectEntry(model.HandlingMarkings)
	p.marking.SetPlaceHolder("The case's own marking")
	p.marking.OnChanged = func(string) { p.showMarking() }
	p.markingNote = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}}
	var all []string
	for _, s := range dossier.Sections {
		all = append(all, sectionLabels[s])
	}
	p.sections = widget.NewCheckGroup(all, nil)
	p.sections.SetSelected(all)
	p.save = &widget.Button{Text: "Save the dossier as PDF…", Importance: widget.HighImportance, OnTapped: p.onSave}
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.folder = widget.NewButton("Open folder", p.onOpenFolder)
	p.folder.Hide()

	intro := &widget.Label{Wrapping: fyne.TextWrapWord, Text: "The dossier is the case as a PDF for a prosecutor or a partner agency: " +
		"marked for handling on every page, in the reader's language. What was recorded is printed as written; only the labels are translated."}
	form := widget.NewForm(
		widget.NewFormItem("Language", p.language),
		widget.NewFormItem("Marking", container.NewVBox(p.marking, p.markingNote)),
		widget.NewFormItem("", container.NewVBox(p.redact, p.titleBox)),
		widget.NewFormItem("Sections", p.sections),
	)
	p.content = container.NewVScroll(container.NewVBox(
		newHeading("Case dossier (PDF)"), intro, form,
		container.NewHBox(p.save, p.folder), p.progress, p.status,
	))
	// The officer's own language is the default, as on the command line.
	inBackground(bg, ws.Officer, func(o model.Officer, err error) {
		if err == nil {
			if i := languageIndexOf(o.Language); i >= 0 {
				p.language.SetSelectedIndex(i)
			}
		}
	})
	return p
}

// show takes the case the case view shows, each time it is read: another
// case resets the marking override and the non-nominal version, which
// were chosen for the last one, and the note says which marking prints.
func (p *dossierPanel) show(f app.CaseFile) {
	if f.Case.Ref != p.shownRef {
		p.shownRef = f.Case.Ref
		p.marking.SetText("")
		p.redact.SetChecked(false)
		p.redactedTitle.SetText("")
		p.status.SetText("")
		p.folder.Hide()
	}
	p.caseMarking = f.Case.HandlingMarking
	p.showMarking()
}

// onRedact shows the title for the non-nominal version only with it.
func (p *dossierPanel) onRedact(on bool) {
	if on {
		p.titleBox.Show()
		p.redactedTitle.Enable()
	} else {
		p.titleBox.Hide()
		p.redactedTitle.Disable()
	}
}

// showMarking says which marking the dossier will carry on every page.
func (p *dossierPanel) showMarking() {
	override := strings.TrimSpace(p.marking.Text)
	switch {
	case dossier.CheckMarking(override) != nil:
		p.markingNote.SetText(fmt.Sprintf("Too long: a marking has at most %d characters (this one has %d).",
			dossier.MaxMarking, utf8.RuneCountInString(override)))
	case override == "" && p.caseMarking == "":
		p.markingNote.SetText("Prints the case's own marking.")
	case override == "":
		p.markingNote.SetText("Prints the case's own marking: " + p.caseMarking + ".")
	case override == p.caseMarking:
		p.markingNote.SetText("Prints " + override + ", the case's own marking.")
	case p.caseMarking == "":
		p.markingNote.SetText("Prints " + override + " instead of the case's own marking.")
	default:
		p.markingNote.SetText("Prints " + override + " instead of the case's " + p.caseMarking + ".")
	}
}

func languageIndexOf(l model.Language) int {
	for i, m := range model.Languages {
		if m == l {
			return i
		}
	}
	return -1
}

// options reads the choices on the panel.
func (p *dossierPanel) options() (dossier.Options, error) {
	opt := dossier.Options{Redact: p.redact.Checked, Marking: strings.TrimSpace(p.marking.Text)}
	if opt.Redact {
		// A title the dossier refuses (it names someone) is said when the
		// dossier is written, which knows the case's names.
		opt.RedactedTitle = strings.TrimSpace(p.redactedTitle.Text)
	}
	if err := dossier.CheckMarking(opt.Marking); err != nil {
		return opt, fmt.Errorf("%w: shorten it or leave it empty for the case's own", err)
	}
	if i := p.language.SelectedIndex(); i >= 0 {
		opt.Language = model.Languages[i]
	}
	chosen := map[string]bool{}
	for _, s := range p.sections.Selected {
		chosen[s] = true
	}
	for _, s := range dossier.Sections {
		if chosen[sectionLabels[s]] {
			opt.Sections = append(opt.Sections, s)
		}
	}
	if len(opt.Sections) == 0 {
		return opt, fmt.Errorf("no section is ticked: tick at least one")
	}
	return opt, nil
}

// onSave asks where to save the PDF.
func (p *dossierPanel) onSave() {
	ref := p.caseRef()
	if ref == "" {
		dialog.ShowInformation("No case selected", "Select a case in the list first.", p.win)
		return
	}
	if _, err := p.options(); err != nil {
		showError(p.win, "make the dossier", err)
		return
	}
	lang := "en"
	if i := p.language.SelectedIndex(); i >= 0 {
		lang = string(model.Languages[i])
	}
	askSavePath(p.win, "Save the dossier", ref+"-dossier-"+lang+".pdf", p.store.Path(),
		func(path string) { p.saveTo(ref, path) })
}

// saveTo writes the dossier of the case ref to path in the background,
// moving the bar as the sections are printed.
func (p *dossierPanel) saveTo(ref, path string) {
	opt, err := p.options()
	if err != nil {
		showError(p.win, "make the dossier", err)
		return
	}
	p.save.Disable()
	p.folder.Hide()
	p.progress.SetValue(0)
	p.progress.Show()
	p.status.SetText("Writing the dossier of " + ref + "…")
	opt.Progress = func(done, total int) {
		p.bg.do(func() { p.progress.SetValue(float64(done) / float64(total)) })
	}
	inBackground(p.bg, func(ctx context.Context) (dossier.Rendered, error) {
		// Replacing a file was asked first; nothing replaces the workspace.
		return dossier.RenderToFile(ctx, p.store, ref, path, true, opt)
	}, func(done dossier.Rendered, err error) {
		p.save.Enable()
		p.progress.Hide()
		if err != nil {
			p.status.SetText("")
			showError(p.win, "save the dossier", err)
			return
		}
		p.savedIn = filepath.Dir(path)
		p.status.SetText(fmt.Sprintf("Saved the dossier of %s, %d pages, as %s.", ref, done.Pages, path))
		p.folder.Show()
	})
}

// onOpenFolder shows the folder of the saved dossier in the file manager,
// where the officer attaches it to a message or copies it to a stick.
func (p *dossierPanel) onOpenFolder() {
	u, err := url.Parse(storage.NewFileURI(p.savedIn).String())
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		showError(p.win, "open the folder", err)
	}
}
