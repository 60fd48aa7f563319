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
	item  *container.TabItem
	show  func(f app.CaseFile) // the case was read (selected, or changed); may be nil
	shown func()               // the officer opened the tab, or its case changed while open; may be nil
}

// caseView is the case selected in the case list, in tabs: the overview,
// its evidence, its history and its dossier. It reads the case file when a
// case is selected or changed, and hands it to every tab.
type caseView struct {
	store     caseViewStore
	win       fyne.Window
	bg        *background
	onChanged func(f app.CaseFile) // a tab changed the case: the list row and the audit line follow

	ref  string       // the case shown, "" when none
	file app.CaseFile // as last read

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
		{item: container.NewTabItemWithIcon("Overview", theme.InfoIcon(), v.overview.content), show: v.overview.show},
		{item: container.NewTabItemWithIcon("Seizures", theme.WarningIcon(), v.seizures.content), show: v.seizures.show},
		{item: container.NewTabItemWithIcon("Entities", theme.AccountIcon(), v.entities.content), show: v.entities.show},
		{item: container.NewTabItemWithIcon("Relations", theme.GridIcon(), v.relations.content), show: v.relations.show},
		{item: container.NewTabItemWithIcon("Timeline", theme.ListIcon(), v.timeline.content), show: v.timeline.show},
		{item: container.NewTabItemWithIcon("Tasks & requests", theme.ConfirmIcon(), v.tasks.content), show: v.tasks.show},
		{item: container.NewTabItemWithIcon("Notes", theme.DocumentCreateIcon(), v.notes.content), show: v.notes.show},
		{item: container.NewTabItemWithIcon("Evidence", theme.FileIcon(), v.evidence.content), show: v.evidence.show},
		{item: container.NewTabItemWithIcon("History", theme.HistoryIcon(), v.history.content),
			show: func(f app.CaseFile) { v.history.setCase(f.Case.Ref) }, shown: v.history.load},
		{item: container.NewTabItemWithIcon("Dossier", theme.DocumentPrintIcon(), dossierContent)},
	}
	v.appTabs = container.NewAppTabs()
	for _, t := range v.tabs {
		v.appTabs.Append(t.item)
	}
	v.appTabs.OnSelected = v.onTabSelected
	v.appTabs.Hide()
	v.placeholder = &widget.Label{Text: "Select a case to see it here.", Alignment: fyne.TextAlignCenter}
	v.content = container.NewStack(container.NewCenter(v.placeholder), v.appTabs)
	return v
}

// clear shows the placeholder: no case is selected.
func (v *caseView) clear() {
	v.ref = ""
	v.overview.clear()
	v.appTabs.Hide()
	v.placeholder.Show()
}

// open shows the case c, at once with what the list row knows, then reads
// its file.
func (v *caseView) open(c model.Case) {
	v.ref = c.Ref
	v.overview.showLoading(c)
	v.evidence.showLoading()
	v.seizures.showLoading()
	v.timeline.showLoading()
	v.tasks.showLoading()
	v.notes.showLoading()
	v.placeholder.Hide()
	v.appTabs.Show()
	v.read(c.Ref, false)
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
			showError(v.win, "open case "+ref, err)
			return
		}
		v.file = f
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

// selectTab opens the tab with that title, for the officer's shortcuts and tests.
func (v *caseView) selectTab(title string) {
	for _, t := range v.tabs {
		if t.item.Text == title {
			v.appTabs.Select(t.item)
			return
		}
	}
}
