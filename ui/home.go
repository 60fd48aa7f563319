package ui

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/exchange"
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
	workspaceLists
	settingsStore
	CountCases(ctx context.Context) (int, error)
}

// prefLastCase keys, per workspace file, the case the officer last had
// open, so that the window opens on it again.
const prefLastCase = "case.last:"

// home is the screen the window opens on once the officer is known: the
// navigation rail down the left, the search field across the top, the
// audit line along the bottom, and between them the section chosen in the
// rail. The Cases section is a welcome card while the workspace is empty,
// the case list after that; the search results take the place of any
// section while there is something in the search field.
type home struct {
	cases      caseStore
	officer    model.Officer
	win        fyne.Window
	bg         *background
	prefs      fyne.Preferences
	onOpenDemo func()              // nil where no demo is offered: in the demo itself
	onOfficer  func(model.Officer) // the officer saved a new profile in Settings; may be nil

	rail    *navRail
	section section
	screens *fyne.Container // the section shown

	body    *fyne.Container // the Cases section: the welcome card or the case list
	welcome *welcome        // nil until shown
	list    *caseList       // nil until the workspace has a case
	form    *newCaseForm    // the new-case dialog last opened
	newCase *widget.Button  // the list's New case button
	// importPackage is the toolbar's button to import a partner's case
	// package; nil when the workspace cannot import (a test's wrapper).
	importPackage *widget.Button
	search        *searchBox
	entity        *entityDialog // the entity dialog last opened

	entities   *listScreen[model.EntityRow] // the other sections, nil until first shown
	entityKind *widget.Select
	seizures   *listScreen[model.SeizureRow]
	evidence   *listScreen[app.ExhibitRow]
	tasks      *listScreen[model.TaskRow]
	settings   *settingsScreen
	status     *auditStatus // the audit line along the bottom, and the integrity banner
	content    fyne.CanvasObject
}

// listShownLog logs once how long after start the case list was first shown.
var listShownLog sync.Once

func newHome(cases caseStore, officer model.Officer, win fyne.Window, bg *background, onOpenDemo func()) *home {
	h := &home{cases: cases, officer: officer, win: win, bg: bg, onOpenDemo: onOpenDemo,
		prefs: fyne.CurrentApp().Preferences()}
	h.body = container.NewStack(container.NewCenter(widget.NewLabel("Reading the workspace…")))
	h.screens = container.NewStack(h.body)
	h.rail = newNavRail(h.showSection)
	h.search = newSearchBox(cases, win, bg, h.onOpenHit, h.onSearchActive)
	h.status = newAuditStatus(cases, win, bg)
	work := container.NewBorder(h.search.bar, nil, nil, nil, container.NewStack(h.screens, h.search.panel))
	rail := container.NewHBox(container.NewPadded(h.rail.content), widget.NewSeparator())
	h.content = container.NewBorder(h.status.banner, h.status.bar, rail, nil, work)
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
			h.makeList()
			h.list.onFilled = func() {
				listShownLog.Do(func() {
					log.Printf("ui: the case list shows %s, %v after start", casesCount(len(h.list.rows)),
						time.Since(started).Round(time.Millisecond))
				})
			}
			h.showList(h.prefs.String(prefLastCase + h.cases.Path()))
		}
	})
}

func (h *home) setBody(obj fyne.CanvasObject) {
	h.body.Objects = []fyne.CanvasObject{obj}
	h.body.Refresh()
}

// showSection shows a section of the rail, reading its list again: what
// changed in a case since it was last shown is in it.
func (h *home) showSection(s section) {
	h.section = s
	h.rail.set(s)
	h.search.reset()
	var show fyne.CanvasObject
	var load func()
	switch s {
	case sectionCases:
		show = h.body
	case sectionEntities:
		if h.entities == nil {
			h.entities, h.entityKind = newEntitiesScreen(h.cases, h.win, h.bg, h.showEntity)
		}
		show, load = h.entities.content, h.entities.load
	case sectionSeizures:
		if h.seizures == nil {
			h.seizures = newSeizuresScreen(h.cases, h.win, h.bg, h.openCase)
		}
		show, load = h.seizures.content, h.seizures.load
	case sectionEvidence:
		if h.evidence == nil {
			h.evidence = newEvidenceScreen(h.cases, h.win, h.bg, func(ref string) { h.openCaseAt(ref, "Evidence") })
		}
		show, load = h.evidence.content, h.evidence.load
	case sectionTasks:
		if h.tasks == nil {
			h.tasks = newTasksScreen(h.cases, h.win, h.bg, h.openCase)
		}
		show, load = h.tasks.content, h.tasks.load
	case sectionSettings:
		if h.settings == nil {
			h.settings = newSettingsScreen(h.cases, h.win, h.bg, h.officer, h.onProfileSaved)
		}
		show = h.settings.content
	}
	show.Show()
	h.screens.Objects = []fyne.CanvasObject{show}
	h.screens.Refresh()
	// Last: under the test driver the read's result may land at once, on
	// another goroutine, and must not meet the layout above.
	if load != nil {
		load()
	}
}

// onOutsideChange reads again what the screen shows after another program
// saved to the workspace: the audit line, the case list and the case open
// under it (even while another section is in front: it is shown again as
// it is), and the section shown. A form open over a record keeps what was
// typed and the version it read, so that its Save over a record changed
// meanwhile is refused rather than overwriting the other program's save.
func (h *home) onOutsideChange() {
	h.status.refresh()
	if h.entity != nil {
		h.entity.reload()
	}
	if h.list == nil {
		h.load() // the welcome card gives way to the list once there are cases
		return
	}
	h.list.reload("")
	h.list.view.reload()
	switch h.section {
	case sectionEntities:
		h.entities.load()
	case sectionSeizures:
		h.seizures.load()
	case sectionEvidence:
		h.evidence.load()
	case sectionTasks:
		h.tasks.load()
	}
}

// showWelcome greets an officer whose workspace is still empty.
func (h *home) showWelcome() {
	h.welcome = newWelcome(h.officer, h.onNewCase, h.onOpenDemo)
	h.setBody(h.welcome.content)
}

// showList shows the case list, reloaded, with the case selectRef selected.
func (h *home) showList(selectRef string) {
	h.makeList()
	h.list.reload(selectRef)
}

// makeList puts the case list in the Cases section, the first time.
func (h *home) makeList() {
	if h.list == nil {
		h.list = newCaseList(h.cases, h.win, h.bg, h.dossierPanel(), h.status.refresh)
		h.list.onOpened = h.rememberCase
		// A case chosen in an entity view opens selected in the list, as
		// from anywhere else.
		h.list.view.onOpenCase = h.openCase
		h.addExchange()
		h.newCase = widget.NewButtonWithIcon("New case", theme.ContentAddIcon(), h.onNewCase)
		h.newCase.Importance = widget.HighImportance
		toolbar := container.NewHBox(newHeading("Cases"), container.NewCenter(h.list.count), layout.NewSpacer(),
			h.list.filters, h.importButton(), h.newCase)
		h.setBody(container.NewBorder(container.NewPadded(toolbar), nil, nil, nil, h.list.content))
		h.welcome = nil
	}
}

// rememberCase keeps the case the officer opened, to open it again next time.
func (h *home) rememberCase(ref string) {
	h.prefs.SetString(prefLastCase+h.cases.Path(), ref)
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

// onSearchActive hides the section while the search results are shown in its place.
func (h *home) onSearchActive(active bool) {
	for _, o := range h.screens.Objects {
		if active {
			o.Hide()
		} else {
			o.Show()
		}
	}
}

// onOpenHit opens what the officer chose in the search results: a case,
// or the case a seizure, task, note or piece of evidence belongs to, in
// the case list; an entity in a dialog of its own, over the results.
func (h *home) onOpenHit(hit app.SearchHit) {
	if hit.Doc.Kind == search.KindEntity {
		h.showEntity(hit.Doc.ID)
		return
	}
	if hit.Doc.CaseRef == "" {
		logError("open a search hit", fmt.Errorf("%s %s has no case ref", hit.Doc.Kind, hit.Doc.ID))
		return
	}
	h.openCase(hit.Doc.CaseRef)
}

// showEntity opens the file of the entity with that ID in a dialog, whose
// case buttons open each case in the Cases section.
func (h *home) showEntity(id string) {
	h.entity = newEntityDialog(h.cases, h.win, h.bg, h.openCase)
	h.entity.show(id)
}

// openCase empties the search and shows the case with that ref, selected
// in the case list, with its detail.
func (h *home) openCase(ref string) {
	if h.section != sectionCases {
		h.showSection(sectionCases)
	}
	h.search.reset()
	h.showList(ref)
}

// openCaseAt opens the case with that ref on the tab with that title.
func (h *home) openCaseAt(ref, tab string) {
	h.makeList()
	h.list.view.selectTab(tab) // first: the read the case starts may land at once under the test driver
	h.openCase(ref)
}

// onCaseCreated brings the new case into sight in the list.
func (h *home) onCaseCreated(c model.Case) {
	h.status.refresh()
	h.openCase(c.Ref)
}

// onProfileSaved takes the profile saved in Settings: new cases are
// numbered and signed with it from now on.
func (h *home) onProfileSaved(o model.Officer) {
	h.officer = o
	if h.welcome != nil {
		h.showWelcome()
	}
	if h.onOfficer != nil {
		h.onOfficer(o)
	}
}

// dossierPanel makes the case view's Dossier tab for the case it shows.
// importButton is the toolbar's Import button, or nothing when the
// workspace cannot import.
func (h *home) importButton() fyne.CanvasObject {
	if h.importPackage == nil {
		return layout.NewSpacer()
	}
	return h.importPackage
}

// addExchange gives the case view its Exchange tab (export the case as a
// package, import a partner's, settle the conflicts an import left) and the
// toolbar an Import button, which works with no case open. They need the
// workspace itself, which tests that wrap it do without.
func (h *home) addExchange() {
	ws, ok := h.cases.(*app.Workspace)
	if !ok {
		return
	}
	v := h.list.view
	conflicts := newConflictList(h.win, h.bg, ws, func() string { return v.ref })
	onImported := func(exchange.Imported) {
		conflicts.refresh()
		h.status.refresh()
		h.showList(v.ref)
	}
	actions := newExchangeActions(h.win, h.bg, ws, func() string { return v.ref }, onImported)
	v.addTab(caseTab{
		item: container.NewTabItemWithIcon("Exchange", theme.MailSendIcon(),
			container.NewBorder(container.NewPadded(actions.content), nil, nil, nil, conflicts.content)),
		show: func(app.CaseFile) { conflicts.refresh() },
	})
	h.importPackage = newExchangeActions(h.win, h.bg, ws, func() string { return "" }, onImported).imp
	h.importPackage.SetText("Import…")
	h.importPackage.SetIcon(theme.DownloadIcon())
}

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
