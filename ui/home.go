package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/search"
	"bollard/model"
)

// caseStore is what the home screen needs of a workspace.
type caseStore interface {
	caseListStore
	caseCreator
	searcher
	entityReader
	auditStore
	dossierStore
	CountCases(ctx context.Context) (int, error)
}

// home is the screen the window opens on once the officer is known: a
// welcome card while the workspace is empty, the case list after that, and
// across the top the search field, whose results take the place of either
// while there is something in it.
type home struct {
	cases      caseStore
	officer    model.Officer
	win        fyne.Window
	bg         *background
	onOpenDemo func() // nil where no demo is offered: in the demo itself

	body    *fyne.Container // the welcome card or the case list
	welcome *welcome        // nil until shown
	list    *caseList       // nil until the workspace has a case
	form    *newCaseForm    // the new-case dialog last opened
	newCase *widget.Button  // the list's New case button
	search  *searchBox
	entity  *entityDialog // the entity dialog last opened from the search
	status  *auditStatus  // the audit line along the bottom, and the integrity banner
	content fyne.CanvasObject
}

func newHome(cases caseStore, officer model.Officer, win fyne.Window, bg *background, onOpenDemo func()) *home {
	h := &home{cases: cases, officer: officer, win: win, bg: bg, onOpenDemo: onOpenDemo}
	h.body = container.NewStack(container.NewCenter(widget.NewLabel("Reading the workspace…")))
	h.search = newSearchBox(cases, win, bg, h.onOpenHit, h.onSearchActive)
	h.status = newAuditStatus(cases, win, bg)
	h.content = container.NewBorder(container.NewVBox(h.status.banner, h.search.bar), h.status.bar, nil, nil,
		container.NewStack(h.body, h.search.panel))
	return h
}

// load counts the cases, which decides what the screen shows, and starts
// building the search index.
func (h *home) load() {
	h.search.start()
	h.status.refresh()
	inBackground(h.bg, func(ctx context.Context) (int, error) {
		return h.cases.CountCases(ctx)
	}, func(n int, err error) {
		if err != nil {
			h.setBody(container.NewCenter(widget.NewLabel("The cases in this workspace could not be read.")))
			showError(h.win, "read the cases in this workspace", err)
			return
		}
		if n == 0 {
			h.showWelcome()
		} else {
			h.showList("")
		}
	})
}

func (h *home) setBody(obj fyne.CanvasObject) {
	h.body.Objects = []fyne.CanvasObject{obj}
	h.body.Refresh()
}

// showWelcome greets an officer whose workspace is still empty.
func (h *home) showWelcome() {
	h.welcome = newWelcome(h.officer, h.onNewCase, h.onOpenDemo)
	h.setBody(h.welcome.content)
}

// showList shows the case list, reloaded, with the case selectRef selected.
func (h *home) showList(selectRef string) {
	if h.list == nil {
		h.list = newCaseList(h.cases, h.win, h.bg, h.dossierPanel(), h.status.refresh)
		h.newCase = widget.NewButtonWithIcon("New case", theme.ContentAddIcon(), h.onNewCase)
		h.newCase.Importance = widget.HighImportance
		toolbar := container.NewHBox(newHeading("Cases"), container.NewCenter(h.list.count), layout.NewSpacer(), h.newCase)
		h.setBody(container.NewBorder(container.NewPadded(toolbar), nil, nil, nil, h.list.content))
		h.welcome = nil
	}
	h.list.reload(selectRef)
}

// onNewCase opens the new-case dialog (the button, or Ctrl+N), unless it
// is open already: Ctrl+N pressed twice must not stack two dialogs.
func (h *home) onNewCase() {
	if h.form != nil && h.form.open {
		return
	}
	h.form = newNewCaseForm(h.cases, h.win, h.bg, h.officer, h.onCaseCreated)
	h.form.show()
}

// onSearchActive hides the list while the search results are shown in its place.
func (h *home) onSearchActive(active bool) {
	if active {
		h.body.Hide()
	} else {
		h.body.Show()
	}
}

// onOpenHit opens what the officer chose in the search results: a case,
// or the case a seizure, task, note or piece of evidence belongs to, in
// the case list; an entity in a dialog of its own, over the results.
func (h *home) onOpenHit(hit app.SearchHit) {
	if hit.Doc.Kind == search.KindEntity {
		h.entity = newEntityDialog(h.cases, h.win, h.bg, h.openCase)
		h.entity.show(hit.Doc.ID)
		return
	}
	if hit.Doc.CaseRef == "" {
		logError("open a search hit", fmt.Errorf("%s %s has no case ref", hit.Doc.Kind, hit.Doc.ID))
		return
	}
	h.openCase(hit.Doc.CaseRef)
}

// openCase empties the search and shows the case with that ref, selected
// in the case list, with its detail.
func (h *home) openCase(ref string) {
	h.search.reset()
	h.showList(ref)
}

// onCaseCreated brings the new case into sight in the list.
func (h *home) onCaseCreated(c model.Case) {
	h.status.refresh()
	h.showList(c.Ref)
}

// dossierPanel makes the case view's Dossier tab for the case it shows.
func (h *home) dossierPanel() func(caseRef func() string) fyne.CanvasObject {
	return func(caseRef func() string) fyne.CanvasObject {
		return newDossierPanel(h.win, h.bg, h.cases, caseRef)
	}
}

// welcome is the card an empty workspace shows: the two ways to start.
type welcome struct {
	newCase, demo *widget.Button
	content       fyne.CanvasObject
}

func newWelcome(officer model.Officer, onNewCase, onOpenDemo func()) *welcome {
	w := &welcome{
		newCase: widget.NewButtonWithIcon("New case", theme.ContentAddIcon(), onNewCase),
		demo:    widget.NewButtonWithIcon("Open a demo workspace", theme.FolderOpenIcon(), onOpenDemo),
	}
	w.newCase.Importance = widget.HighImportance
	big := fyne.NewSize(300, 72)
	choices := []fyne.CanvasObject{container.NewPadded(container.NewVBox(
		withMinSize(w.newCase, big),
		captionLabel("Open your first investigation.\nIts ref will start with "+officer.RefPrefix+"."),
	))}
	if onOpenDemo != nil {
		choices = append(choices, container.NewPadded(container.NewVBox(
			withMinSize(w.demo, big),
			captionLabel("Explore Bollard on synthetic cases,\nkept in a file of their own, apart from yours."),
		)))
	}
	card := widget.NewCard("Welcome, "+officer.Name, "This workspace has no cases yet.",
		container.NewGridWithColumns(len(choices), choices...))
	w.content = container.NewCenter(card)
	return w
}

// captionLabel is a short centred explanation under a button.
func captionLabel(text string) *widget.Label {
	return &widget.Label{Text: text, Alignment: fyne.TextAlignCenter}
}
