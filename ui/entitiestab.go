package ui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// entitiesStore is what the Entities tab, its forms and the entity view need of a workspace.
type entitiesStore interface {
	entityLinker
	entityReader
	UnlinkEntity(ctx context.Context, linkID string) error
	UpdateLink(ctx context.Context, l model.CaseLink) (model.CaseLink, error)
}

// allKinds is the kind filter's choice that filters nothing.
const allKinds = "All kinds"

// entitiesTab is the people, companies, vessels, containers, vehicles,
// accounts and phones of a case, each with the part it plays there. The
// officer narrows them by kind, links another (found or new), changes the
// role one plays, unlinks one, and opens one's entity view to follow it into the other cases it is in.
type entitiesTab struct {
	store     entitiesStore
	win       fyne.Window
	bg        *background
	onChanged func()           // a link was made or undone: the case is read again
	openCase  func(ref string) // a case chosen in the entity view

	file  app.CaseFile
	shown []model.CaseEntity // the entities that pass the filter, in the list's order

	kind    *widget.Select
	count   *widget.Label
	link    *widget.Button
	list    *widget.List
	empty   *widget.Label
	content fyne.CanvasObject

	form    *linkForm     // the dialogs last opened, for tests
	roles   *roleForm     //
	view    *entityDialog //
	confirm dialog.Dialog //
	answer  func(bool)    // the unlink question's answer, for tests
}

func newEntitiesTab(store entitiesStore, win fyne.Window, bg *background, onChanged func(), openCase func(ref string)) *entitiesTab {
	t := &entitiesTab{store: store, win: win, bg: bg, onChanged: onChanged, openCase: openCase}
	t.kind = widget.NewSelect([]string{allKinds}, nil)
	t.kind.Selected = allKinds
	t.count = widget.NewLabel("")
	t.link = widget.NewButtonWithIcon("Link entity…", theme.ContentAddIcon(), t.onLink)
	t.link.Importance = widget.HighImportance
	t.list = widget.NewList(
		func() int { return len(t.shown) },
		func() fyne.CanvasObject { return newCaseEntityRow(t) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(t.shown) {
				o.(*caseEntityRow).set(t.shown[id])
			}
		})
	t.list.OnSelected = t.onSelect
	t.kind.OnChanged = func(string) { t.filter() }
	t.empty = &widget.Label{Alignment: fyne.TextAlignCenter}
	bar := container.NewHBox(t.link, t.count, layout.NewSpacer(), widget.NewLabel("Show"), t.kind)
	t.content = container.NewBorder(bar, nil, nil, nil, container.NewStack(container.NewCenter(t.empty), t.list))
	t.link.Disable()
	return t
}

// showLoading empties the tab while a new case is read, or after it could
// not be, saying status in place of the count; nothing can be linked until
// the case is read, so that a link never goes to the case shown before.
func (t *entitiesTab) showLoading(status string) {
	t.file = app.CaseFile{}
	t.shown = nil
	t.kind.Options = []string{allKinds}
	t.kind.Selected = allKinds
	t.kind.Refresh()
	t.link.Disable()
	t.count.SetText(status)
	t.empty.SetText("")
	t.list.UnselectAll()
	t.list.Refresh()
}

// show fills the tab with the case's entities.
func (t *entitiesTab) show(f app.CaseFile) {
	sameCase := f.Case.ID == t.file.Case.ID
	// People first, then organisations, vessels, containers…: the model's
	// order of kinds, who before what; by name within a kind.
	f.Entities = slices.Clone(f.Entities)
	slices.SortStableFunc(f.Entities, func(a, b model.CaseEntity) int {
		return cmp.Or(cmp.Compare(slices.Index(model.EntityKinds, a.Entity.Kind), slices.Index(model.EntityKinds, b.Entity.Kind)),
			strings.Compare(a.Entity.Name, b.Entity.Name))
	})
	t.file = f
	counts := map[model.EntityKind]int{}
	for _, ce := range f.Entities {
		counts[ce.Entity.Kind]++
	}
	options := []string{allKinds}
	for _, k := range model.EntityKinds {
		if counts[k] > 0 {
			options = append(options, kindFilterLabel(k, counts[k]))
		}
	}
	keep := allKinds
	if sameCase {
		for _, o := range options {
			if kindOfFilter(o) == kindOfFilter(t.kind.Selected) {
				keep = o
			}
		}
	}
	t.kind.Options = options
	t.kind.Selected = keep
	t.kind.Refresh()
	if f.Case.Status == model.StatusArchived || f.Case.Ref == "" {
		t.link.Disable()
	} else {
		t.link.Enable()
	}
	t.filter()
}

// kindFilterLabel is a kind in the filter: "Vessels (2)".
func kindFilterLabel(k model.EntityKind, n int) string {
	return fmt.Sprintf("%s (%d)", kindPlural(k), n)
}

// kindOfFilter is the kind a filter choice stands for, "" for all.
func kindOfFilter(label string) model.EntityKind {
	for _, k := range model.EntityKinds {
		if strings.HasPrefix(label, kindPlural(k)+" (") {
			return k
		}
	}
	return ""
}

// kindPlural names a kind in the plural, as the filter lists them.
func kindPlural(k model.EntityKind) string {
	switch k {
	case model.KindPerson:
		return "People"
	case model.KindAddress:
		return "Addresses"
	}
	return capitalize(k.Label()) + "s"
}

// filter shows the entities of the kind chosen.
func (t *entitiesTab) filter() {
	k := kindOfFilter(t.kind.Selected)
	t.shown = t.shown[:0]
	for _, ce := range t.file.Entities {
		if k == "" || ce.Entity.Kind == k {
			t.shown = append(t.shown, ce)
		}
	}
	n := len(t.file.Entities)
	t.count.SetText(plural(n, "entity"))
	switch {
	case t.file.Case.Ref == "":
		t.empty.SetText("")
	case n == 0:
		t.empty.SetText("No entities linked to this case yet.\nLink the people, companies, vessels and containers behind it with “Link entity…”.")
	default:
		t.empty.SetText("")
	}
	t.list.UnselectAll()
	t.list.Refresh()
}

// onSelect opens the entity view of the row chosen.
func (t *entitiesTab) onSelect(id widget.ListItemID) {
	t.list.UnselectAll()
	if id < 0 || id >= len(t.shown) {
		return
	}
	t.openEntity(t.shown[id].Entity.ID)
}

// openEntity shows the entity view over the case; "Back to the case" closes it.
func (t *entitiesTab) openEntity(id string) {
	t.view = newEntityDialog(t.store, t.win, t.bg, t.openCase)
	t.view.fromCase = t.file.Case.Ref
	t.view.onChanged = t.onChanged
	t.view.show(id)
}

// onLink opens the link form.
func (t *entitiesTab) onLink() {
	if t.form != nil && t.form.guard.open {
		return
	}
	t.form = newLinkForm(t.store, t.win, t.bg, t.file, func(model.CaseLink) { t.onChanged() })
	t.form.show()
}

// onChangeRole opens the form that gives a linked entity another role in
// the case: an edit of its link, which a partner receives as such.
func (t *entitiesTab) onChangeRole(ce model.CaseEntity) {
	if t.roles != nil && t.roles.guard.open {
		return
	}
	t.roles = newRoleForm(t.store, t.win, t.bg, t.file.Case.Ref, ce, func(model.CaseLink) { t.onChanged() })
	t.roles.show()
}

// onUnlink asks, then takes the entity's role out of the case.
func (t *entitiesTab) onUnlink(ce model.CaseEntity) {
	ref := t.file.Case.Ref
	asked := askRemoval(t.win, t.bg, "Unlink "+ce.Entity.Name+"?",
		fmt.Sprintf("%s will no longer be listed in %s as %s.\nThe entity itself stays in the workspace, with its part in every other case and its relations.\n%s",
			ce.Entity.Name, ref, ce.Link.Role.Label(), reachesPartners),
		"Unlink", "unlink "+ce.Entity.Name+" from "+ref,
		func(ctx context.Context) error { return t.store.UnlinkEntity(ctx, ce.Link.ID) }, t.onChanged)
	t.confirm, t.answer = asked.confirm, asked.answer
}

// caseEntityRow is one entity in the tab: its kind's icon, its name and
// role, and what identifies it, with the buttons that change its role and
// unlink it.
type caseEntityRow struct {
	widget.BaseWidget
	tab        *entitiesTab
	ce         model.CaseEntity
	icon       *widget.Icon
	name       *widget.Label
	role       *badge
	facts      *widget.RichText
	changeRole *widget.Button
	unlink     *widget.Button
	content    fyne.CanvasObject
}

func newCaseEntityRow(t *entitiesTab) *caseEntityRow {
	r := &caseEntityRow{tab: t, icon: widget.NewIcon(nil), name: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		role: newBadge(theme.ColorNamePrimary), facts: newQuietText("")}
	r.facts.Truncation = fyne.TextTruncateEllipsis
	r.unlink = widget.NewButtonWithIcon("Unlink…", theme.ContentRemoveIcon(), func() { t.onUnlink(r.ce) })
	r.unlink.Importance = widget.LowImportance
	r.changeRole = widget.NewButtonWithIcon("Change role…", theme.DocumentCreateIcon(), func() { t.onChangeRole(r.ce) })
	r.changeRole.Importance = widget.LowImportance
	r.content = container.NewBorder(nil, nil, container.NewCenter(r.icon), container.NewCenter(container.NewHBox(r.changeRole, r.unlink)),
		container.NewVBox(container.NewHBox(r.name, container.NewCenter(r.role.box)), r.facts))
	r.ExtendBaseWidget(r)
	return r
}

func (r *caseEntityRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

func (r *caseEntityRow) set(ce model.CaseEntity) {
	r.ce = ce
	r.icon.SetResource(kindIcon(ce.Entity.Kind))
	r.name.SetText(ce.Entity.Name)
	r.role.set(strings.ToUpper(ce.Link.Role.Label()))
	r.facts.Segments[0].(*widget.TextSegment).Text = entityFacts(ce)
	r.facts.Refresh()
	open := r.tab.file.Case.Status != model.StatusArchived
	enable(r.changeRole, open)
	enable(r.unlink, open)
}

// entityFacts is "Vessel · Panama (PA) · IMO number 9074729, MMSI 352001234 · declared carrier".
func entityFacts(ce model.CaseEntity) string {
	e := ce.Entity
	parts := []string{capitalize(e.Kind.Label())}
	if e.Country != "" {
		parts = append(parts, countryText(e.Country))
	}
	var ids []string
	for _, id := range entityIdentifiers(e) {
		if len(ids) == 3 {
			break
		}
		ids = append(ids, id[0]+" "+id[1])
	}
	if len(ids) > 0 {
		parts = append(parts, strings.Join(ids, ", "))
	}
	if ce.Link.Note != "" {
		parts = append(parts, ce.Link.Note)
	}
	return strings.Join(parts, " · ")
}

// kindIcon is the small picture of an entity's kind.
func kindIcon(k model.EntityKind) fyne.Resource {
	switch k {
	case model.KindPerson:
		return theme.AccountIcon()
	case model.KindEmail:
		return theme.MailComposeIcon()
	}
	if svg, ok := kindIcons[k]; ok {
		return theme.NewThemedResource(fyne.NewStaticResource("kind-"+string(k)+".svg", []byte(
			`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill-rule="evenodd" fill="#000000" d="`+svg+`"/></svg>`)))
	}
	return theme.QuestionIcon()
}

// kindIcons are drawn in a 24-point square, as the theme's icons are.
var kindIcons = map[model.EntityKind]string{
	model.KindOrganisation: "M2 22V2h13v7h7v13zM5 5h3v3H5zM10 5h3v3h-3zM5 10.5h3v3H5zM10 10.5h3v3h-3zM5 16h3v3H5zM10 16h3v3h-3zM16.5 12h3v3h-3zM16.5 17h3v3h-3z",
	model.KindVessel:       "M2 14h20l-3.5 6h-13zM6 9h10v4H6zM8 5h3v4H8z",
	model.KindContainer:    "M2 6h3.2v12H2zM6.2 6h3.2v12H6.2zM10.4 6h3.2v12h-3.2zM14.6 6h3.2v12h-3.2zM18.8 6H22v12h-3.2z",
	model.KindVehicle:      "M3 11l2.5-5h13l2.5 5v6H3zM6 8l-1.5 3h15L18 8zM5 17h4v3H5zM15 17h4v3h-4z",
	model.KindAddress:      "M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zM12 6a3 3 0 1 0 0 6 3 3 0 0 0 0-6z",
	model.KindPhone:        "M7 2h10v20H7zM9 4v14h6V4z",
	model.KindBankAccount:  "M12 2L2 7v2h20V7zM4 10h3v8H4zM10.5 10h3v8h-3zM17 10h3v8h-3zM2 19h20v3H2z",
	model.KindWallet:       "M3 6h16v3h2v10H3zM15 12v4h5v-4z",
}

// openOtherCase opens the case an entity view's case button names, on its
// Overview: through the case list when it is there, so that the list
// selects it too, else in this view.
func (v *caseView) openOtherCase(ref string) {
	v.selectTab("Overview")
	if v.onOpenCase != nil {
		v.onOpenCase(ref)
	} else {
		v.open(model.Case{Ref: ref})
	}
}
