package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// caseViewStore is what the case view and its tabs need of a workspace.
type caseViewStore interface {
	CaseFile(ctx context.Context, ref string) (app.CaseFile, error)
	evidenceStore
	historyReader
	seizureStore
	timelineStore
	taskStore
	noteStore
	caseEditStore
	entitiesStore
	relationsStore
}

// caseTab is one tab of the case view. A tab that shows part of the case
// file gets it through show each time the case is read; one that reads
// something else of its own (the history) does so in shown, when the
// officer opens it. Adding a tab is adding one entry to caseView.tabs.
type caseTab struct {
	item *container.TabItem
	// loading empties the tab and disables its actions while a newly
	// chosen case is read, or after it could not be, saying status
	// instead of a count; may be nil for a tab with nothing to act on.
	loading func(status string)
	show    func(f app.CaseFile) // the case was read (selected, or changed); may be nil
	shown   func()               // the officer opened the tab, or its case changed while open; may be nil
}

// What a tab says in place of its count while its case is read, and after
// the case could not be read.
const (
	caseReading    = "Reading…"
	caseReadFailed = "Could not be read."
)

// caseView is the case selected in the case list, in tabs: the overview,
// its evidence, its history and its dossier. It reads the case file when a
// case is selected or changed, and hands it to every tab.
type caseView struct {
	store     caseViewStore
	win       fyne.Window
	bg        *background
	onChanged func(f app.CaseFile) // a tab changed the case: the list row and the audit line follow

	ref  string       // the case shown, "" when none
	file app.CaseFile // as last read; only the list's row of the case while it is read
	// loaded tells whether file was read for ref: until it has been, every
	// tab is in its loading state, each action disabled, so that nothing
	// done in the meantime goes to the case shown before.
	loaded bool

	overview *caseDetail
	evidence *evidenceTab
	history  *historyTab
	seizures *seizuresTab
	timeline *timelineTab
	tasks    *tasksTab
	notes    *notesTab
	tabs     []caseTab
	appTabs  *container.AppTabs

	editor    *caseEditor   // the Overview's Edit, Archive and Restore
	entities  *entitiesTab  //
	relations *relationsTab //
	// onOpenCase opens another case (one chosen in an entity view) where
	// the case list can select it; nil opens it in this view alone.
	onOpenCase func(ref string)

	placeholder *widget.Label
	failure     *widget.Label   // above the tabs: the case chosen could not be read
	retry       *widget.Button  // beside it: read it again
	failureBox  *fyne.Container // the two, shown only after a failed read
	shown       *fyne.Container // the failure and the tabs, hidden while no case is chosen
	content     fyne.CanvasObject
}

// newCaseView builds the tabs. dossier makes the Dossier tab's content
// for the case shown (nil puts a placeholder there).
func newCaseView(store caseViewStore, win fyne.Window, bg *background, dossier func(caseRef func() string) fyne.CanvasObject,
	onChanged func(app.CaseFile)) *caseView {
	v := &caseView{store: store, win: win, bg: bg, onChanged: onChanged, overview: newCaseDetail()}
	v.evidence = newEvidenceTab(store, win, bg, v.reload)
	v.history = newHistoryTab(store, win, bg)
	v.seizures = newSeizuresTab(store, win, bg, v.reload)
	v.timeline = newTimelineTab(store, win, bg, v.reload)
	v.tasks = newTasksTab(store, win, bg, v.reload)
	v.notes = newNotesTab(store, win, bg, v.reload)
	v.editor = newCaseEditor(store, win, bg, v.overview, func() model.Case { return v.file.Case }, v.reload)
	v.entities = newEntitiesTab(store, win, bg, v.reload, v.openOtherCase)
	v.relations = newRelationsTab(store, win, bg, v.reload)
	var dossierContent fyne.CanvasObject
	if dossier != nil {
		dossierContent = dossier(func() string { return v.ref })
	} else {
		dossierContent = container.NewCenter(widget.NewLabel("The case dossier (PDF) is made here."))
	}
	v.tabs = []caseTab{
		{item: container.NewTabItemWithIcon("Overview", theme.InfoIcon(), v.overview.content),
			loading: func(status string) { v.overview.showLoading(v.file.Case, status) }, show: v.overview.show},
		{item: container.NewTabItemWithIcon("Seizures", theme.WarningIcon(), v.seizures.content),
			loading: v.seizures.showLoading, show: v.seizures.show},
		{item: container.NewTabItemWithIcon("Entities", theme.AccountIcon(), v.entities.content),
			loading: v.entities.showLoading, show: v.entities.show},
		{item: container.NewTabItemWithIcon("Relations", theme.GridIcon(), v.relations.content),
			loading: v.relations.showLoading, show: v.relations.show},
		{item: container.NewTabItemWithIcon("Timeline", theme.ListIcon(), v.timeline.content),
			loading: v.timeline.showLoading, show: v.timeline.show},
		{item: container.NewTabItemWithIcon("Tasks & requests", theme.ConfirmIcon(), v.tasks.content),
			loading: v.tasks.showLoading, show: v.tasks.show},
		{item: container.NewTabItemWithIcon("Notes", theme.DocumentCreateIcon(), v.notes.content),
			loading: v.notes.showLoading, show: v.notes.show},
		{item: container.NewTabItemWithIcon("Evidence", theme.FileIcon(), v.evidence.content),
			loading: v.evidence.showLoading, show: v.evidence.show},
		{item: container.NewTabItemWithIcon("History", theme.HistoryIcon(), v.history.content),
			loading: func(string) { v.history.setCase(v.ref) }, // read on its own, when opened
			show:    func(f app.CaseFile) { v.history.setCase(f.Case.Ref) }, shown: v.history.load},
		{item: container.NewTabItemWithIcon("Dossier", theme.DocumentPrintIcon(), dossierContent), show: followCase(dossierContent)},
	}
	v.appTabs = container.NewAppTabs()
	for _, t := range v.tabs {
		v.append(t.item)
	}
	v.appTabs.OnSelected = v.onTabSelected
	v.placeholder = &widget.Label{Text: "Select a case to see it here.", Alignment: fyne.TextAlignCenter}
	v.failure = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	v.retry = widget.NewButtonWithIcon("Try again", theme.ViewRefreshIcon(), func() { v.open(v.file.Case) })
	v.failureBox = container.NewBorder(nil, nil, nil, container.NewCenter(v.retry), v.failure)
	v.failureBox.Hide()
	v.shown = container.NewBorder(v.failureBox, nil, nil, nil, v.appTabs)
	v.shown.Hide()
	v.content = container.NewStack(container.NewCenter(v.placeholder), v.shown)
	return v
}

// clear shows the placeholder: no case is selected.
func (v *caseView) clear() {
	v.ref = ""
	v.file = app.CaseFile{}
	v.loaded = false
	v.overview.clear()
	v.failureBox.Hide()
	v.shown.Hide()
	v.placeholder.Show()
}

// open shows the case c, at once with what the list row knows, then reads
// its file. Until the file is read every tab is emptied and its actions
// disabled: what was shown of the case before is gone from the screen,
// and nothing can be added, linked or edited in it by mistake.
func (v *caseView) open(c model.Case) {
	v.ref = c.Ref
	v.file = app.CaseFile{Case: c}
	v.loaded = false
	v.hideFailure()
	v.setLoading(caseReading)
	v.placeholder.Hide()
	v.shown.Show()
	v.read(c.Ref, false)
}

// hideFailure takes away the line that says the case could not be read.
func (v *caseView) hideFailure() {
	if v.failureBox.Visible() {
		v.failureBox.Hide()
		v.shown.Refresh()
	}
}

// setLoading puts every tab in its loading state, saying status.
func (v *caseView) setLoading(status string) {
	for _, t := range v.tabs {
		if t.loading != nil {
			t.loading(status)
		}
	}
}

// reload reads the case shown again after a tab changed it.
func (v *caseView) reload() {
	if v.ref != "" {
		v.read(v.ref, true)
	}
}

func (v *caseView) read(ref string, changed bool) {
	inBackground(v.bg, func(ctx context.Context) (app.CaseFile, error) {
		return v.store.CaseFile(ctx, ref)
	}, func(f app.CaseFile, err error) {
		if v.ref != ref {
			return // the officer has moved on to another case
		}
		if err != nil {
			if !v.loaded {
				// Nothing of the case is on screen to act on: every tab
				// stays empty, its actions disabled, and says so.
				v.setLoading(caseReadFailed)
				v.failure.SetText("The case " + ref + " could not be read, so nothing in it can be changed until it is.")
				v.failureBox.Show()
				v.shown.Refresh() // lays the tabs out below it
			}
			showError(v.win, "open case "+ref, err)
			return
		}
		v.file = f
		v.loaded = true
		v.hideFailure()
		for _, t := range v.tabs {
			if t.show != nil {
				t.show(f)
			}
		}
		if cur := v.current(); cur != nil && cur.shown != nil {
			cur.shown()
		}
		if changed && v.onChanged != nil {
			v.onChanged(f)
		}
	})
}

// current is the tab the officer has open.
func (v *caseView) current() *caseTab {
	sel := v.appTabs.Selected()
	for i := range v.tabs {
		if v.tabs[i].item == sel {
			return &v.tabs[i]
		}
	}
	return nil
}

func (v *caseView) onTabSelected(*container.TabItem) {
	if cur := v.current(); cur != nil && cur.shown != nil && v.ref != "" {
		cur.shown()
	}
}

// addTab adds a tab after the others: one the home screen builds because
// it needs more of the workspace than the case view's store offers.
func (v *caseView) addTab(t caseTab) {
	v.tabs = append(v.tabs, t)
	v.append(t.item)
}

// append shows a tab by its title alone: with icons, the eleven tabs no
// longer fit across a 1280-pixel window, and the last ones hide in an
// overflow menu where an officer would not look for them.
func (v *caseView) append(item *container.TabItem) {
	item.Icon = nil
	v.appTabs.Append(item)
}

// selectTab opens the tab with that title, for the officer's shortcuts and tests.
func (v *caseView) selectTab(title string) {
	for _, t := range v.tabs {
		if t.item.Text == title {
			v.appTabs.Select(t.item)
			return
		}
	}
}
