package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// caseDetail is the read-only summary of one case, the Overview tab of the
// case view: its marking first, in a red band across the panel, then what
// identifies it and how much it holds.
type caseDetail struct {
	placeholder *widget.Label
	body        *fyne.Container

	marking *markingBadge
	ref     *widget.Label
	title   *widget.Label
	facts   map[string]*widget.Label
	summary *widget.Label
	actions *caseActions

	content fyne.CanvasObject
}

// caseFacts are the facts of the panel, in two columns beside the summary.
var caseFacts = [2][]string{
	{"Status", "Priority", "Operation", "Corridor", "Threat types"},
	{"Lead", "Partners", "Opened", "Closed", "Contents"},
}

func newCaseDetail() *caseDetail {
	d := &caseDetail{
		placeholder: &widget.Label{Text: "Select a case to see it here.", Alignment: fyne.TextAlignCenter},
		marking:     newMarkingBadge(),
		ref:         &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		title:       newHeading(""),
		facts:       map[string]*widget.Label{},
		summary:     &widget.Label{Wrapping: fyne.TextWrapWord},
		actions:     newCaseActions(),
	}
	d.title.Wrapping = fyne.TextWrapWord
	columns := container.NewGridWithColumns(3)
	for _, names := range caseFacts {
		grid := container.New(layout.NewFormLayout())
		for _, name := range names {
			value := &widget.Label{Wrapping: fyne.TextWrapWord}
			d.facts[name] = value
			grid.Add(&widget.Label{Text: name, TextStyle: fyne.TextStyle{Bold: true}})
			grid.Add(value)
		}
		columns.Add(grid)
	}
	columns.Add(container.NewBorder(&widget.Label{Text: "Summary", TextStyle: fyne.TextStyle{Bold: true}}, nil, nil, nil, d.summary))
	d.body = container.NewVBox(d.marking.box, container.NewBorder(nil, nil, container.NewCenter(d.ref), container.NewCenter(d.actions.box), d.title),
		d.actions.note, columns)
	d.body.Hide()
	d.content = container.NewStack(container.NewCenter(d.placeholder), container.NewVScroll(d.body))
	return d
}

// setActions gives the Edit, Archive and Restore buttons their work.
func (d *caseDetail) setActions(onEdit, onArchive, onRestore func()) {
	d.actions.edit.OnTapped = onEdit
	d.actions.archive.OnTapped = onArchive
	d.actions.restore.OnTapped = onRestore
}

// clear shows the placeholder: no case is selected.
func (d *caseDetail) clear() {
	d.body.Hide()
	d.placeholder.Show()
}

// showLoading shows what the list row already knows while the rest is
// read (or after it could not be, as status says), with Edit, Archive and
// Restore disabled: they act on the case as read, not on the list's row.
func (d *caseDetail) showLoading(c model.Case, status string) {
	d.show(app.CaseFile{Case: c})
	d.facts["Contents"].SetText(status)
	d.actions.disable()
}

// show fills the panel with the case file f.
func (d *caseDetail) show(f app.CaseFile) {
	c := f.Case
	d.marking.set(strings.ToUpper(c.HandlingMarking))
	d.ref.SetText(c.Ref)
	d.title.SetText(c.Title)
	d.facts["Status"].SetText(c.Status.Label())
	d.facts["Priority"].SetText(c.Priority.Label())
	d.facts["Operation"].SetText(orDash(c.OperationName))
	d.facts["Corridor"].SetText(c.Corridor.Label())
	d.facts["Threat types"].SetText(model.ThreatLabels(c.ThreatTypes))
	d.facts["Lead"].SetText(orDash(leadText(c)))
	d.facts["Partners"].SetText(orDash(strings.Join(c.PartnerAgencies, ", ")))
	d.facts["Opened"].SetText(orDash(c.OpenedOn.String()))
	d.facts["Closed"].SetText(orDash(c.ClosedOn.String()))
	d.facts["Contents"].SetText(fmt.Sprintf("%s, %s, %s, %s%s",
		plural(len(f.Seizures), "seizure"), plural(len(f.Entities), "entity"), plural(len(f.Evidence), "exhibit"), plural(len(f.Tasks), "task"),
		cigarettesInAll(f.Seizures)))
	d.summary.SetText(orDash(c.Summary))
	d.actions.set(c)
	d.placeholder.Hide()
	d.body.Show()
}

// text is what the panel shows for a fact, for tests.
func (d *caseDetail) text(fact string) string { return d.facts[fact].Text }

func leadText(c model.Case) string {
	switch {
	case c.LeadOfficer != "" && c.LeadAgency != "":
		return c.LeadOfficer + " (" + c.LeadAgency + ")"
	case c.LeadOfficer != "":
		return c.LeadOfficer
	}
	return c.LeadAgency
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// plural writes "1 seizure", "3 seizures", "2 entities".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		noun = strings.TrimSuffix(noun, "y") + "ie"
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
