package exchange_test

import (
	"fmt"
	"slices"
	"time"

	"bollard/app"
	"bollard/model"
)

// The random edits of the convergence test (converge_test.go): every kind
// of change an officer makes to a joint case, removals included. Values
// come from small pools, so that two sides sometimes make the same change
// and sometimes different ones to the same field.

// convergeEdit is one kind of edit: it makes one change to the case as a
// side holds it, and says what it did, or "" when the case has nothing it
// applies to (no task to remove).
type convergeEdit func(w *world, i int, f app.CaseFile) (string, error)

var convergeEdits = []struct {
	weight int
	edit   convergeEdit
}{
	{6, editSeizure}, {2, addSeizure},
	{3, editTask}, {2, addTask}, {2, removeTask},
	{2, addNote}, {2, removeNote},
	{4, linkEntity}, {4, changeRole}, {1, editLinkNote}, {3, unlinkEntity}, {2, editEntity},
	{3, addRelation}, {3, editRelation}, {2, removeRelation},
	{2, editCase}, {1, addEvent},
}

// edit makes one random edit on side i: tries kinds at random until one
// applies.
func (w *world) edit(i int) {
	w.t.Helper()
	ws := w.sides[i].w
	f, err := ws.CaseFile(ctx, w.ref)
	if err != nil {
		w.fail("%s reads the case: %v", w.name(i), err)
	}
	total := 0
	for _, e := range convergeEdits {
		total += e.weight
	}
	for range 10 {
		n := w.rng.IntN(total)
		var edit convergeEdit
		for _, e := range convergeEdits {
			if n -= e.weight; n < 0 {
				edit = e.edit
				break
			}
		}
		did, err := edit(w, i, f)
		if err != nil {
			w.fail("%s: %s: %v", w.name(i), did, err)
		}
		if did != "" {
			w.counts["edits"]++
			w.logf("%s %s", w.name(i), did)
			return
		}
	}
}

func pick[T any](w *world, list []T) T { return list[w.rng.IntN(len(list))] }

// pickHot picks a record of the case, two times in three one of the first
// three made: edits crowd on a few records, as they do on a real case,
// so that the sides often change the same record at the same time.
func pickHot[T any](w *world, list []T) T {
	if w.rng.IntN(3) < 2 {
		return list[w.rng.IntN(min(3, len(list)))]
	}
	return pick(w, list)
}

// unique is a text no other side writes: "HMRC 7".
func (w *world) unique(i int, what string) string {
	w.sides[i].made++
	return fmt.Sprintf("%s %s %d", w.name(i), what, w.sides[i].made)
}

func short8(id string) string { return id[:8] }

func editSeizure(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Seizures) == 0 {
		return "", nil
	}
	s := pickHot(w, f.Seizures)
	did := "edits seizure " + short8(s.ID)
	for range 1 + w.rng.IntN(2) {
		switch w.rng.IntN(5) {
		case 0:
			s.Quantity = pick(w, []float64{10, 12.5, 54, 100, 250})
			did += fmt.Sprintf(" quantity=%v", s.Quantity)
		case 1:
			s.PlaceName = pick(w, []string{"Algeciras, TCB terminal", "Felixstowe docks", "Santos, Tecon terminal", "Valencia, MSC terminal"})
			did += fmt.Sprintf(" place=%q", s.PlaceName)
		case 2:
			s.Notes = pick(w, []string{"", "weighed again at the lab", "second sample sent", w.unique(i, "note")})
			did += fmt.Sprintf(" notes=%q", s.Notes)
		case 3:
			s.Concealment = pick(w, []string{"", "false floor", "reefer unit", "banana boxes"})
			did += fmt.Sprintf(" concealment=%q", s.Concealment)
		default:
			s.EstimatedValue = pick(w, []float64{0, 25000, 1.2e6})
			did += fmt.Sprintf(" value=%v", s.EstimatedValue)
		}
	}
	_, err := w.sides[i].w.UpdateSeizure(ctx, s)
	return did, err
}

func addSeizure(w *world, i int, f app.CaseFile) (string, error) {
	s, err := w.sides[i].w.AddSeizure(ctx, model.Seizure{CaseID: f.Case.ID,
		SeizedAt:  time.Date(2026, 10, 1+w.rng.IntN(28), 6, 0, 0, 0, time.UTC),
		PlaceName: pick(w, []string{"Algeciras, TCB terminal", "Felixstowe docks", "Santos, Tecon terminal"}),
		Category:  model.CommodityCocaine, Description: w.unique(i, "bricks in reefer"), Quantity: 12.5, Unit: model.Kilogram,
		Currency: "EUR", TransportMode: model.ModeContainer})
	return "adds seizure " + short8(s.ID), err
}

func editTask(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Tasks) == 0 {
		return "", nil
	}
	t := pickHot(w, f.Tasks)
	did := "edits task " + short8(t.ID)
	switch w.rng.IntN(3) {
	case 0:
		t.Status = pick(w, model.TaskStatuses)
		did += " status=" + string(t.Status)
	case 1:
		t.Title = pick(w, []string{"Trace the reefer's route", "Ask the shipping line for the booking", w.unique(i, "task title")})
		did += fmt.Sprintf(" title=%q", t.Title)
	default:
		t.Description = pick(w, []string{"", "urgent", w.unique(i, "task description")})
		did += fmt.Sprintf(" description=%q", t.Description)
	}
	_, err := w.sides[i].w.UpdateTask(ctx, t)
	return did, err
}

func addTask(w *world, i int, f app.CaseFile) (string, error) {
	t, err := w.sides[i].w.AddTask(ctx, model.Task{CaseID: f.Case.ID, Title: w.unique(i, "task")})
	return "adds task " + short8(t.ID), err
}

func removeTask(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Tasks) == 0 {
		return "", nil
	}
	t := pickHot(w, f.Tasks)
	return "removes task " + short8(t.ID), w.sides[i].w.RemoveTask(ctx, t.ID)
}

func addNote(w *world, i int, f app.CaseFile) (string, error) {
	n, err := w.sides[i].w.AddNote(ctx, model.Note{CaseID: f.Case.ID, Body: w.unique(i, "note")})
	return "adds note " + short8(n.ID), err
}

func removeNote(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Notes) == 0 {
		return "", nil
	}
	n := pickHot(w, f.Notes)
	return "removes note " + short8(n.ID), w.sides[i].w.RemoveNote(ctx, n.ID)
}

var convergeRoles = []model.CaseRole{model.RoleSuspect, model.RoleConsignee, model.RoleImporter, model.RoleWitness, model.RoleCarrier}

// linkEntity links an entity the side holds that is not in the case (one
// never linked, or one unlinked before: linked again), or a new one.
func linkEntity(w *world, i int, f app.CaseFile) (string, error) {
	ws := w.sides[i].w
	all, err := ws.Entities(ctx, "")
	if err != nil {
		return "lists entities", err
	}
	all = slices.DeleteFunc(all, func(e model.Entity) bool {
		return slices.ContainsFunc(f.Entities, func(ce model.CaseEntity) bool { return ce.Entity.ID == e.ID })
	})
	var e model.Entity
	did := "links "
	if len(all) == 0 || w.rng.IntN(3) == 0 {
		kind := pick(w, []model.EntityKind{model.KindPerson, model.KindOrganisation})
		if e, err = ws.CreateEntity(ctx, model.Entity{Kind: kind, Name: w.unique(i, string(kind))}); err != nil {
			return "creates an entity", err
		}
		did += "new "
	} else {
		e = pick(w, all)
		did += "again "
	}
	l, err := ws.LinkEntity(ctx, model.CaseLink{CaseID: f.Case.ID, EntityID: e.ID, Role: pick(w, convergeRoles)})
	return did + fmt.Sprintf("entity %s as %s (link %s)", short8(e.ID), l.Role, short8(l.ID)), err
}

// changeRole changes the role of an entity in the case: an edit of its
// link, made either by editing the link or by linking the entity again.
func changeRole(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Entities) == 0 {
		return "", nil
	}
	ce := pickHot(w, f.Entities)
	roles := slices.DeleteFunc(slices.Clone(convergeRoles), func(r model.CaseRole) bool { return r == ce.Link.Role })
	role := pick(w, roles)
	did := fmt.Sprintf("changes the role of link %s %s → %s", short8(ce.Link.ID), ce.Link.Role, role)
	var err error
	if w.rng.IntN(2) == 0 {
		l := ce.Link
		l.Role = role
		_, err = w.sides[i].w.UpdateLink(ctx, l)
	} else {
		_, err = w.sides[i].w.LinkEntity(ctx, model.CaseLink{CaseID: f.Case.ID, EntityID: ce.Entity.ID, Role: role})
		did += " by linking again"
	}
	return did, err
}

func editLinkNote(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Entities) == 0 {
		return "", nil
	}
	l := pickHot(w, f.Entities).Link
	l.Note = pick(w, []string{"", "named in the bill of lading", w.unique(i, "role note")})
	_, err := w.sides[i].w.UpdateLink(ctx, l)
	return fmt.Sprintf("edits link %s note=%q", short8(l.ID), l.Note), err
}

func unlinkEntity(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Entities) == 0 {
		return "", nil
	}
	l := pickHot(w, f.Entities).Link
	return "unlinks link " + short8(l.ID), w.sides[i].w.UnlinkEntity(ctx, l.ID)
}

func editEntity(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Entities) == 0 {
		return "", nil
	}
	e := pickHot(w, f.Entities).Entity
	e.Notes = pick(w, []string{"", "known to the SVA since 2021", w.unique(i, "entity notes")})
	_, err := w.sides[i].w.UpdateEntity(ctx, e)
	return fmt.Sprintf("edits entity %s notes=%q", short8(e.ID), e.Notes), err
}

func addRelation(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Entities) < 2 {
		return "", nil
	}
	a := w.rng.IntN(len(f.Entities))
	b := (a + 1 + w.rng.IntN(len(f.Entities)-1)) % len(f.Entities)
	r, err := w.sides[i].w.AddRelation(ctx, model.Relation{FromID: f.Entities[a].Entity.ID, ToID: f.Entities[b].Entity.ID,
		Type: pick(w, []model.RelationType{model.RelOwns, model.RelDirects, model.RelAssociate, model.RelShipsTo})})
	return "adds relation " + short8(r.ID), err
}

func editRelation(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Relations) == 0 {
		return "", nil
	}
	r := pickHot(w, f.Relations)
	did := "edits relation " + short8(r.ID)
	switch w.rng.IntN(3) {
	case 0:
		r.Type = pick(w, []model.RelationType{model.RelOwns, model.RelDirects, model.RelAssociate, model.RelShipsTo})
		did += " type=" + string(r.Type)
	case 1:
		r.Note = pick(w, []string{"", "from the company register", w.unique(i, "relation note")})
		did += fmt.Sprintf(" note=%q", r.Note)
	default:
		r.Reliability = pick(w, []string{"A", "B", "F"})
		did += " reliability=" + r.Reliability
	}
	_, err := w.sides[i].w.UpdateRelation(ctx, r)
	return did, err
}

func removeRelation(w *world, i int, f app.CaseFile) (string, error) {
	if len(f.Relations) == 0 {
		return "", nil
	}
	r := pickHot(w, f.Relations)
	return "removes relation " + short8(r.ID), w.sides[i].w.RemoveRelation(ctx, r.ID)
}

func editCase(w *world, i int, f app.CaseFile) (string, error) {
	c := f.Case
	did := "edits the case"
	if w.rng.IntN(2) == 0 {
		c.Summary = pick(w, []string{"", "Three reefers, one consignee", w.unique(i, "summary")})
		did += fmt.Sprintf(" summary=%q", c.Summary)
	} else {
		c.Priority = pick(w, model.Priorities)
		did += " priority=" + string(c.Priority)
	}
	_, err := w.sides[i].w.UpdateCase(ctx, c)
	return did, err
}

func addEvent(w *world, i int, f app.CaseFile) (string, error) {
	e, err := w.sides[i].w.AddTimelineEvent(ctx, model.TimelineEvent{CaseID: f.Case.ID,
		At: time.Date(2026, 10, 1+w.rng.IntN(28), 10, 0, 0, 0, time.UTC), Title: w.unique(i, "controlled delivery")})
	return "adds timeline event " + short8(e.ID), err
}
