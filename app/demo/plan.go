package demo

import (
	"strings"
	"time"

	"bollard/app"
	"bollard/model"
)

// plan is one case and everything recorded in it, drawn in memory before
// it is written. Its slices are reused from one case to the next.
type plan struct {
	g       *gen
	w       *world
	c       model.Case
	t0, end time.Time // when the case was opened; when work on it stopped (closed, or the anchor)
	lead    officer
	last    time.Time // the latest change, the case's updated time
	depth   int       // 1 a single seizure, 2 an investigation, 3 a large one

	entities  []model.Entity
	seizures  []model.Seizure
	links     []model.CaseLink
	relations []model.Relation
	events    []model.TimelineEvent
	tasks     []model.Task
	notes     []model.Note
	exhibits  []exhibit
	partners  []string
	// photographed counts the photographs exhibits made so far, in every
	// case: what their third file shows goes round (photos.go).
	photographed  int
	noPhotographs bool // Options.WithoutPhotographs
}

// reset empties the plan for a case opened at t0.
func (p *plan) reset(t0 time.Time) {
	p.c = model.Case{}
	p.t0, p.end, p.last = t0, p.g.anchor, t0
	p.entities, p.seizures, p.links, p.relations = p.entities[:0], p.seizures[:0], p.links[:0], p.relations[:0]
	p.events, p.tasks, p.notes, p.partners = p.events[:0], p.tasks[:0], p.notes[:0], p.partners[:0]
	p.exhibits = p.exhibits[:0]
	// Most cases stay a seizure and its paperwork; some become investigations,
	// a few large ones with networks across borders, as in a real caseload.
	switch r := p.g.n(100); {
	case r < 78:
		p.depth = 1
	case r < 95:
		p.depth = 2
	default:
		p.depth = 3
	}
}

// deep reports whether the case has grown at least to depth n.
func (p *plan) deep(n int) bool { return p.depth >= n }

// count draws how many of something a case of this depth has: one of
// small, medium or large, each a [lo, hi] range.
func (p *plan) count(small, medium, large [2]int) int {
	r := [...][2]int{small, medium, large}[p.depth-1]
	return p.g.between(r[0], r[1])
}

// open fills in the case's frame: who leads it, its corridor and threats,
// and, from its age, its status and whether and when it was closed.
func (p *plan) open(lead *agency, corridor model.Corridor, threats ...model.ThreatType) {
	g := p.g
	p.lead = officerOf(g, lead)
	p.c.ID = g.uuid()
	p.c.CreatedAt, p.c.CreatedBy = p.t0, p.lead.author()
	p.c.Corridor = corridor
	p.c.ThreatTypes = append([]model.ThreatType(nil), threats...)
	p.c.LeadAgency, p.c.LeadOfficer = lead.Name, p.lead.name
	p.c.HandlingMarking = lead.Marking
	p.c.OpenedOn = model.DateOf(p.t0)
	p.c.Priority = pick(g, []model.Priority{model.PriorityNormal, model.PriorityNormal, model.PriorityHigh, model.PriorityLow})
	p.c.OperationName = pick(g, operationNames)

	age := g.anchor.Sub(p.t0)
	switch r := g.r.Float64(); {
	case age < 45*day:
		p.c.Status = pick(g, []model.CaseStatus{model.StatusOpen, model.StatusOpen, model.StatusActive})
	case age < 400*day && r < 0.2, age >= 400*day && r < 0.65:
		p.c.Status = model.StatusClosed
		closed := g.within(p.t0.Add(60*day), min(age-60*day, 700*day), g.anchor)
		p.end = closed
		p.c.ClosedOn = model.DateOf(closed)
	case r < 0.85:
		p.c.Status = model.StatusActive
	default:
		p.c.Status = model.StatusSuspended
	}
}

// partner adds an agency to the case's partners.
func (p *plan) partner(a *agency) {
	for _, name := range p.partners {
		if name == a.Name {
			return
		}
	}
	p.partners = append(p.partners, a.Name)
}

// finish closes the plan: the case's partners and updated time, the time
// of the last thing recorded in it. The store gives the case its ref.
func (p *plan) finish() {
	p.recordEvidence()
	p.c.PartnerAgencies = append([]string(nil), p.partners...)
	p.c.Summary = oneFullStop(p.c.Summary)
	for i := range p.seizures {
		p.seizures[i].Notes = oneFullStop(p.seizures[i].Notes)
	}
	for i := range p.tasks {
		p.tasks[i].Description = oneFullStop(p.tasks[i].Description)
	}
	for i := range p.events {
		p.events[i].Description = oneFullStop(p.events[i].Description)
	}
	p.c.UpdatedAt, p.c.UpdatedBy = p.last, p.c.CreatedBy
}

// by picks who records something: mostly the lead officer, else a colleague.
func (p *plan) by() officer {
	if len(p.lead.ag.Officers) > 1 && p.g.chance(0.3) {
		return officerOf(p.g, p.lead.ag)
	}
	return p.lead
}

// stamp gives a record its ID, time and author, and moves the case's last change.
func (p *plan) stamp(r *model.Record, at time.Time, by officer) {
	if r.ID == "" {
		r.ID = p.g.uuid()
	}
	r.CreatedAt, r.CreatedBy = at, by.author()
	if at.After(p.last) {
		p.last = at
	}
}

// soon is a moment in the first days of the case.
func (p *plan) soon() time.Time { return p.g.within(p.t0, 3*day, p.end) }

// later is a moment within d after the case was opened, before work stopped.
func (p *plan) later(d time.Duration) time.Time { return p.g.within(p.t0, d, p.end) }

// add records a new entity in the case and links it with a role.
func (p *plan) add(e model.Entity, role model.CaseRole, note string) string {
	p.stamp(&e.Record, p.soon(), p.by())
	p.entities = append(p.entities, e)
	if role != "" {
		p.link(e.ID, role, note)
	}
	return e.ID
}

// use links a shared entity (a shell company, a vessel) to the case,
// recording it first if no earlier case has. fresh reports that this case
// recorded it.
func (p *plan) use(it *pooled, role model.CaseRole, note string) (id string, fresh bool) {
	fresh = p.record(it)
	p.link(it.e.ID, role, note)
	return it.e.ID, fresh
}

// record writes a shared entity if no earlier case has, without linking it.
func (p *plan) record(it *pooled) (fresh bool) {
	if it.created {
		return false
	}
	it.created = true
	e := it.e
	p.stamp(&e.Record, p.soon(), p.by())
	p.entities = append(p.entities, e)
	return true
}

// link records an entity's role in the case, once per entity.
func (p *plan) link(entityID string, role model.CaseRole, note string) {
	for i := range p.links {
		if p.links[i].EntityID == entityID {
			return
		}
	}
	l := model.CaseLink{CaseID: p.c.ID, EntityID: entityID, Role: role, Note: note}
	p.stamp(&l.Record, p.soon(), p.by())
	p.links = append(p.links, l)
}

// relate records a relation with its Admiralty grading ("B2") and source,
// once: two cases that meet the same exporter and consignee share the tie.
func (p *plan) relate(from, to string, typ model.RelationType, since model.Date, grading, source string) {
	key := relKey{from, to, typ}
	if from == to || p.w.related[key] {
		return
	}
	p.w.related[key] = true
	r := model.Relation{FromID: from, ToID: to, Type: typ, Since: since, Source: source,
		Reliability: grading[:1], Credibility: grading[1:]}
	p.stamp(&r.Record, p.later(90*day), p.by())
	p.relations = append(p.relations, r)
}

// sinceYears is a day up to n years before the case was opened.
func (p *plan) sinceYears(n int) model.Date {
	return model.DateOf(p.g.before(p.t0, time.Duration(n)*365*day))
}

// seize records a seizure; its record is written some hours after the
// goods were seized, and never before the case was opened.
func (p *plan) seize(s model.Seizure, by officer) {
	s.CaseID = p.c.ID
	s.SeizedAt = s.SeizedAt.Truncate(time.Minute)
	from := s.SeizedAt
	if from.Before(p.t0) {
		from = p.t0
	}
	p.stamp(&s.Record, p.g.within(from.Add(30*time.Minute), 8*time.Hour, p.end), by)
	p.seizures = append(p.seizures, s)
}

// event records something that happened in the case.
func (p *plan) event(at time.Time, title, place, desc string) {
	p.eventBy(at, title, place, desc, p.by())
}

// eventBy records an event written by a given officer, perhaps of a partner agency.
func (p *plan) eventBy(at time.Time, title, place, desc string, by officer) {
	e := model.TimelineEvent{CaseID: p.c.ID, At: at.Truncate(time.Minute), Title: title, Place: place, Description: desc}
	p.stamp(&e.Record, p.g.within(at, day, p.end), by)
	p.events = append(p.events, e)
}

// note adds a note written at a moment of the case.
func (p *plan) note(at time.Time, body string) {
	n := model.Note{CaseID: p.c.ID, Body: body}
	p.stamp(&n.Record, at, p.by())
	p.notes = append(p.notes, n)
}

// request records a request for assistance to a partner agency, sent in
// the case's first weeks. Older requests have mostly been answered; some
// are still waiting past their due day, as in any real caseload.
func (p *plan) request(to *agency, title, desc string) { p.requestUnder(to, "", title, desc) }

// requestUnder records a request sent under a given legal basis; "" lets
// the two agencies' countries decide it.
func (p *plan) requestUnder(to *agency, basis, title, desc string) {
	g := p.g
	if !p.deep(2) && g.chance(0.35) {
		return // a single seizure is often closed on the evidence at hand
	}
	p.partner(to)
	sent := p.later(75 * day)
	due := sent.Add(time.Duration(pick(g, []int{15, 30, 30, 45, 60, 90})) * day)
	if basis == "" {
		basis = legalBasis(g, p.lead.ag, to)
	}
	t := model.Task{CaseID: p.c.ID, Kind: model.TaskAssistanceRequest, Title: title, Description: desc,
		AssignedTo: p.lead.name, Partner: to.Name, LegalBasis: basis,
		Status: model.TaskSent, SentOn: model.DateOf(sent), DueOn: model.DateOf(due)}
	p.stamp(&t.Record, sent, p.lead)
	answered := false
	switch {
	case p.c.Status == model.StatusClosed:
		answered = g.chance(0.85)
		if !answered {
			t.Status = model.TaskCancelled
			p.touch(&t.Record, p.end)
		}
	case due.Before(p.end):
		answered = g.chance(0.6)
	default:
		answered = g.chance(0.25)
	}
	if answered {
		at := g.within(sent.Add(3*day), due.Sub(sent)+20*day, p.end)
		t.Status, t.AnsweredOn = model.TaskAnswered, model.DateOf(at)
		p.touch(&t.Record, at)
		if len(to.Officers) > 0 && g.chance(0.2) {
			// In a joint team the partner's officer records the answer in the shared case.
			p.eventBy(at, "Answer received from "+to.Name, "", "Reply to the request '"+title+"' under "+t.LegalBasis+".", officerOf(g, to))
		}
	}
	p.tasks = append(p.tasks, t)
}

// todo records one of the team's own tasks. A single-seizure case often
// gets none: the seizure report is the whole of its work.
func (p *plan) todo(title, desc string) {
	g := p.g
	if !p.deep(2) && g.chance(0.7) {
		return
	}
	at := p.later(60 * day)
	t := model.Task{CaseID: p.c.ID, Kind: model.TaskTodo, Title: title, Description: desc,
		AssignedTo: p.by().name, Status: model.TaskOpen, DueOn: model.DateOf(at.Add(time.Duration(g.between(5, 40)) * day))}
	p.stamp(&t.Record, at, p.by())
	if p.c.Status == model.StatusClosed || g.chance(0.45) {
		t.Status = model.TaskDone
		p.touch(&t.Record, g.within(at, 30*day, p.end))
	}
	p.tasks = append(p.tasks, t)
}

// touch marks a record as last changed at a moment by the lead officer.
func (p *plan) touch(r *model.Record, at time.Time) {
	r.UpdatedAt, r.UpdatedBy = at, p.lead.author()
	if at.After(p.last) {
		p.last = at
	}
}

// write saves the plan through the batch, entities first, then the case
// and what hangs from it, and counts what it wrote.
func (p *plan) write(b *app.Batch, st *Stats) error {
	for i := range p.entities {
		if err := b.CreateEntity(&p.entities[i]); err != nil {
			return err
		}
	}
	if err := b.CreateCase(&p.c); err != nil {
		return err
	}
	for i := range p.seizures {
		if err := b.AddSeizure(&p.seizures[i]); err != nil {
			return err
		}
	}
	for i := range p.links {
		if err := b.LinkEntity(&p.links[i]); err != nil {
			return err
		}
	}
	for i := range p.relations {
		if err := b.AddRelation(&p.relations[i]); err != nil {
			return err
		}
	}
	for i := range p.events {
		if err := b.AddTimelineEvent(&p.events[i]); err != nil {
			return err
		}
	}
	for i := range p.tasks {
		if err := b.AddTask(&p.tasks[i]); err != nil {
			return err
		}
	}
	for i := range p.notes {
		if err := b.AddNote(&p.notes[i]); err != nil {
			return err
		}
	}
	for i := range p.exhibits {
		x := &p.exhibits[i]
		if err := b.AddEvidence(&x.item); err != nil {
			return err
		}
		for j := range x.custody {
			if err := b.AddCustodyEvent(&x.custody[j]); err != nil {
				return err
			}
		}
		if err := attachFiles(b, x); err != nil {
			return err
		}
		st.Custody += len(x.custody)
	}
	st.Cases++
	st.Entities += len(p.entities)
	st.Seizures += len(p.seizures)
	st.Links += len(p.links)
	st.Relations += len(p.relations)
	st.Events += len(p.events)
	st.Tasks += len(p.tasks)
	st.Notes += len(p.notes)
	st.Exhibits += len(p.exhibits)
	return nil
}

// operationNames are the code words operations are given.
var operationNames = []string{
	"TORMENTA", "SIROCCO", "KALMAR", "HALCÓN", "GOLONDRINA", "MISTRAL", "ZEEAREND", "TRITON", "MARISMA", "ESTRECHO",
	"NORDLICHT", "ELBWELLE", "SANDPIPER", "KESTREL", "BLACKTHORN", "PANTERA", "CONDOR", "CAIMÁN", "MANTARRAYA", "ÍCARO",
	"SCHELDEMOND", "DELTA BLUE", "POLARIS", "BORÉAL", "TIBURÓN", "ORCA", "GAVIÃO", "JAGUAR", "BRUMA", "LEVANTE",
	"HERMES", "ARGO", "NEPTUNO", "KRAKEN", "WINTERKONING", "SPECHT", "ŻURAW", "ALBATROS", "ZORRO", "ATLAS",
}

// oneFullStop ends a sentence with one full stop where a name that already
// ends in one ("Kft.", "S.A.") closes it.
func oneFullStop(s string) string {
	if strings.HasSuffix(s, "..") && !strings.HasSuffix(s, "...") {
		return s[:len(s)-1]
	}
	return s
}
