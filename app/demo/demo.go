// Package demo fills a workspace with realistic synthetic cases, so that an
// officer can try Bollard, a trainer can teach with it and a developer can
// measure it, without a single real investigation in sight.
//
// The cases follow the patterns customs investigators meet: cocaine in
// banana reefers from Guayaquil, Santos and Cartagena; fentanyl precursors
// by air cargo through Liège, Leipzig and Frankfurt; cigarettes behind cover
// loads at Dover and Holyhead; falsified medicines by post; missing-trader
// VAT carousels; waste exported as second-hand goods; dual-use goods
// re-exported to Russia; cash couriers and over-invoiced trade. Shell
// companies and vessels recur across cases, as they do in real caseloads,
// and every identifier passes the checks the model enforces.
//
// The data depends only on the seed: record IDs, times and refs included.
// Dates are drawn backwards from a fixed day (see demoAnchor), never after it.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"bollard/app"
	"bollard/model"
)

// DefaultCases is how many cases Fill makes when Options.Cases is 0.
const DefaultCases = 40

// Work is written in transactions of this many cases, or of this many extra
// entities: big enough that a commit's sync costs little, small enough that
// cancelling stops the demo quickly.
const (
	casesPerBatch    = 200
	entitiesPerBatch = 2000
)

// Options says how much demo data to make.
type Options struct {
	Cases    int   // number of cases (DefaultCases when 0)
	Seed     int64 // same seed, same data
	Entities int   // extra synthetic entities beyond those the cases need (for search benchmarks); 0 = none
	// WithoutPhotographs leaves the photographs exhibits without their
	// files and reviews: a workspace as Bollard made them before files
	// were reviewed (migration 0009), for the tests of older workspaces.
	WithoutPhotographs bool
	// Progress, when set, is called after each batch is saved with the
	// number of cases and extra entities written so far and to write in all.
	Progress func(done, total int)
}

// Stats counts what Fill wrote.
type Stats struct {
	Cases, Seizures, Entities, Links, Relations, Events, Tasks, Notes int
	Exhibits, Custody                                                 int
}

func (s *Stats) add(o Stats) {
	s.Cases += o.Cases
	s.Seizures += o.Seizures
	s.Entities += o.Entities
	s.Links += o.Links
	s.Relations += o.Relations
	s.Events += o.Events
	s.Tasks += o.Tasks
	s.Notes += o.Notes
	s.Exhibits += o.Exhibits
	s.Custody += o.Custody
}

// ErrNotEmpty is returned (wrapped, with the count) for a workspace that
// already holds cases or entities: demo data must never mix with real work.
var ErrNotEmpty = errors.New("the demo fills only an empty workspace")

// Fill writes demo cases into an empty workspace. When the workspace has no
// officer profile it is given a demo one (prefix DEMO); an existing profile
// is kept and its prefix numbers the cases. Work is saved in batches: when
// ctx is cancelled, Fill stops (a batch under way is rolled back) and
// returns ctx's error; the batches saved before stay, counted in the Stats
// returned.
func Fill(ctx context.Context, w *app.Workspace, opt Options) (Stats, error) {
	var st Stats
	if opt.Cases < 0 || opt.Entities < 0 {
		return st, fmt.Errorf("demo: the number of cases (%d) and of extra entities (%d) cannot be negative", opt.Cases, opt.Entities)
	}
	if opt.Cases == 0 {
		opt.Cases = DefaultCases
	}
	if err := checkEmpty(ctx, w); err != nil {
		return st, err
	}
	o, err := w.Officer(ctx)
	if err != nil {
		return st, err
	}
	if !o.IsSet() {
		if _, err := w.SetOfficer(ctx, demoOfficer); err != nil {
			return st, fmt.Errorf("demo: set the demo officer profile: %w", err)
		}
	}

	// A computer whose clock is behind the anchor would refuse the latest
	// cases as "in the future"; there, and only there, the data ends a day
	// before its today (a day, so that no time zone's today is passed).
	anchor := demoAnchor
	if now := w.Now().UTC(); now.Before(anchor.Add(day)) {
		anchor = now.Add(-day).Truncate(time.Minute)
	}
	g := newGen(opt.Seed, anchor)
	p := &plan{g: g, w: newWorld(opt.Cases), noPhotographs: opt.WithoutPhotographs}
	var d dealer
	total := opt.Cases + opt.Entities
	start := anchor.Add(-history)
	// Cases open evenly over the years, in order, so refs follow dates; the
	// last opens at least half a day before the anchor.
	span := float64(history - 12*time.Hour)

	for done := 0; done < opt.Cases; {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		n := min(casesPerBatch, opt.Cases-done)
		var bst Stats
		err := w.Change(ctx, func(b *app.Batch) error {
			for i := range n {
				k := done + i
				t0 := start.Add(time.Duration((float64(k) + g.r.Float64()) / float64(opt.Cases) * span)).Truncate(time.Minute)
				p.reset(t0)
				d.deal(g)(p)
				p.finish()
				if err := p.write(b, &bst); err != nil {
					return fmt.Errorf("demo: case %d of %d: %w", k+1, opt.Cases, err)
				}
			}
			return nil
		})
		if err != nil {
			return st, err
		}
		st.add(bst)
		done += n
		if opt.Progress != nil {
			opt.Progress(done, total)
		}
	}

	for done := 0; done < opt.Entities; {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		n := min(entitiesPerBatch, opt.Entities-done)
		err := w.Change(ctx, func(b *app.Batch) error {
			for range n {
				e := extraEntity(g)
				if err := b.CreateEntity(&e); err != nil {
					return fmt.Errorf("demo: extra entity: %w", err)
				}
			}
			return nil
		})
		if err != nil {
			return st, err
		}
		st.Entities += n
		done += n
		if opt.Progress != nil {
			opt.Progress(opt.Cases+done, total)
		}
	}
	return st, nil
}

// checkEmpty refuses a workspace that holds any case or entity.
func checkEmpty(ctx context.Context, w *app.Workspace) error {
	n, err := w.CountCases(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("this workspace already holds %s; %w: use another file, e.g. --db demo.db", count(n, "case"), ErrNotEmpty)
	}
	es, err := w.Entities(ctx, "")
	if err != nil {
		return err
	}
	if len(es) > 0 {
		return fmt.Errorf("this workspace already holds %s; %w: use another file, e.g. --db demo.db", count(len(es), "entity"), ErrNotEmpty)
	}
	return nil
}

func count(n int, what string) string {
	switch {
	case n == 1:
		return "1 " + what
	case what == "entity":
		return fmt.Sprintf("%d entities", n)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// extraEntity draws an entity in no case, of the kinds and in the
// proportions an intelligence database holds, for search benchmarks.
func extraEntity(g *gen) model.Entity {
	var e model.Entity
	country := pick(g, []string{"ES", "NL", "BE", "DE", "GB", "PL", "CO", "EC", "BR", "TR", "RU", "AE", "CN", "AL", "IE", "LT", "PT", "MX"})
	switch r := g.n(100); {
	case r < 40:
		e = person(g, cultureOf(country), "")
	case r < 62:
		e = company(g, country, theme(g.n(int(themeMotors)+1)))
	case r < 70:
		e = address(g, country)
	case r < 78:
		e = model.Entity{Kind: model.KindPhone, Name: phone(g, country), Country: country}
	case r < 84:
		e = model.Entity{Kind: model.KindEmail, Name: emailOf(g, pick(g, companyCores)+" "+pick(g, companyCores), webmail)}
	case r < 89:
		tm := pick(g, tractorMakes)
		e = model.Entity{Kind: model.KindVehicle, Name: tm.name + " " + pick(g, tm.models), Country: country,
			Identifiers: model.Identifiers{Plate: plate(g, country), VIN: vin(g, tm.wmi)}}
	case r < 94:
		n := iban(g, country)
		e = model.Entity{Kind: model.KindBankAccount, Name: model.FormatIBAN(n), Country: n[:2], Identifiers: model.Identifiers{IBAN: n}}
	case r < 96:
		e = vessel(g)
	case r < 98:
		e = model.Entity{Kind: model.KindContainer, Name: container(g, pick(g, carriers))}
	default:
		addr, network := wallet(g)
		e = model.Entity{Kind: model.KindWallet, Name: addr, Notes: network}
	}
	if e.Notes == "" {
		e.Notes = "Intelligence record; not yet linked to a case."
	}
	e.ID = g.uuid()
	e.CreatedAt = g.before(g.anchor, history).Truncate(time.Second)
	e.CreatedBy = officerOf(g, pick(g, recordingAgencies)).author()
	return e
}

// recordingAgencies are the agencies whose officers write intelligence records.
var recordingAgencies = []*agency{agSVA, agAEAT, agFIOD, agDouaneNL, agBECustoms, agZoll, agNCA, agHMRC, agBF,
	agHSI, agCBP, agCBSA, agDIAN, agPoliciaCO, agSENAE, agReceita, agKAS}
