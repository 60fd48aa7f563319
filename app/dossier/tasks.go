package dossier

import "bollard/model"

// tasks prints the team's tasks and the requests for assistance sent to
// partners, with their legal basis and dates; a request still waiting past
// its due day (as of the dossier's date) is marked overdue.
func (d *doc) tasks() {
	d.section("tasks")
	if len(d.file.Tasks) == 0 {
		d.paragraph(d.w.t("none"), 10)
		return
	}
	today := model.DateOf(d.opt.Date)
	// The dates column holds "answered: 28 Sep 2026" on one line.
	d.font("", 7.5)
	datesW := 26.0
	for _, k := range []string{"sent", "due", "answered"} {
		datesW = max(datesW, d.width(labelled(d.w.t(k), d.w.date(model.Date{Year: 2026, Month: 9, Day: 28})))+2*cellPad+0.5)
	}
	datesW = min(datesW, 40)
	t := d.table(7.5,
		column{title: d.w.t("task"), width: 28},
		column{title: d.w.t("description"), width: 68 - (datesW - 26)},
		column{title: d.w.t("partner"), width: 36},
		column{title: d.w.t("assigned"), width: 22},
		column{title: d.w.t("dates"), width: datesW},
	)
	for _, task := range d.file.Tasks {
		status := d.w.choice("taskstatus", string(task.Status))
		if task.Overdue(today) {
			status += "\n" + d.w.t("overdue")
		}
		t.row(
			d.w.choice("taskkind", string(task.Kind))+"\n"+status,
			joinNonEmpty("\n", d.text(task.Title), d.text(task.Description)),
			joinNonEmpty("\n", d.text(task.Partner), d.text(task.LegalBasis)),
			d.officerNamed(task.AssignedTo),
			joinNonEmpty("\n",
				labelled(d.w.t("sent"), d.w.date(task.SentOn)),
				labelled(d.w.t("due"), d.w.date(task.DueOn)),
				labelled(d.w.t("answered"), d.w.date(task.AnsweredOn))),
		)
	}
}

// officerNamed is an officer named in a field of free text (to whom a task
// is assigned, who acquired an exhibit): printed in the nominal dossier,
// withheld in a redacted one, as every officer's name is there (the field
// may not say the agency to name instead).
func (d *doc) officerNamed(who string) string {
	if d.opt.Redact && who != "" {
		return d.red.withheld
	}
	return who
}
