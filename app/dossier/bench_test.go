package dossier_test

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

// BenchmarkDossierLargeCase prints the case the issue sizes the dossier
// for: 1,000 seizures, 500 entities, 2,000 timeline events and 100
// photographs. Run it with
//
//	go test -run '^$' -bench Dossier -benchtime 1x ./app/dossier
//
// under /usr/bin/time -v for the peak memory.
func BenchmarkDossierLargeCase(b *testing.B) {
	f, opt := largeCase(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out countingWriter
		pages, err := dossier.Write(ctx, &out, f, opt)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pages), "pages")
		b.ReportMetric(float64(out)/1e6, "MB")
	}
}

// BenchmarkDossierLargeCaseRedacted prints the same case as its
// non-nominal version: every free text and name is searched for every
// withheld value in every form.
func BenchmarkDossierLargeCaseRedacted(b *testing.B) {
	f, opt := largeCase(b)
	opt.Redact = true
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out countingWriter
		pages, err := dossier.Write(ctx, &out, f, opt)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pages), "pages")
	}
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = new(countingWriter)

// largeCase builds the case file in memory: the benchmark measures the
// dossier, not the store.
func largeCase(b *testing.B) (app.CaseFile, dossier.Options) {
	at := func(i int) time.Time { return testNow.Add(-time.Duration(i) * time.Hour) }
	rec := func(i int) model.Record {
		return model.Record{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), UpdatedAt: at(i),
			UpdatedBy: model.Author{Name: "Begoña Ibáñez Ruiz", Agency: "SVA"}}
	}
	f := app.CaseFile{Case: model.Case{Record: rec(0), Ref: "ESA-2026-0042", Title: "Cocaine in banana reefers, Guayaquil → Antwerp and Algeciras",
		OperationName: "NÉCORA", Status: model.StatusActive, Priority: model.PriorityHigh, Corridor: model.CorridorEULAC,
		ThreatTypes: []model.ThreatType{model.ThreatCocaine}, HandlingMarking: "LIMITE", LeadAgency: "SVA",
		Summary: "A large case to measure the dossier."}}
	n := 1
	categories := []model.CommodityCategory{model.CommodityCocaine, model.CommodityCigarettes, model.CommodityCash, model.CommodityPrecursors}
	for i := 0; i < 1000; i++ {
		n++
		f.Seizures = append(f.Seizures, model.Seizure{Record: rec(n), Ref: model.FormatSeizureRef(i + 1), SeizedAt: at(i * 3),
			PlaceName: "Port of Antwerp, Kaai 1742", LOCODE: "BEANR", Country: "BE", Category: categories[i%4],
			Description: "bricks hidden in the cooling unit of a reefer container, marked with a dolphin logo", HSCode: "080390",
			Quantity: float64(100 + i), Unit: model.Kilogram, EstimatedValue: float64(35000 * (i + 1)), Currency: []string{"EUR", "USD"}[i%2],
			TransportMode: model.ModeContainer, ContainerNumbers: []string{"MSCU1234566"}, SealNumbers: []string{fmt.Sprintf("SL%06d", i)},
			TransportDocument: fmt.Sprintf("MEDUGY%06d", i), OriginCountry: "EC", TransitCountries: []string{"PA"}, DestinationCountry: "BE"})
	}
	kinds := []model.EntityKind{model.KindPerson, model.KindOrganisation, model.KindVessel, model.KindContainer, model.KindPhone}
	for i := 0; i < 500; i++ {
		n++
		e := model.Entity{Record: rec(n), Kind: kinds[i%5], Name: fmt.Sprintf("Muñoz Gonçalves Wróblewski %d", i), Country: "ES",
			Notes: "seen at the terminal twice; pays the drivers in cash"}
		if e.Kind == model.KindPerson {
			e.BirthDate, e.DocumentNumber = model.Date{Year: 1980, Month: 1, Day: 1 + i%28}, fmt.Sprintf("X%07dQ", i)
		}
		n++
		f.Entities = append(f.Entities, model.CaseEntity{Entity: e, Link: model.CaseLink{Record: rec(n), EntityID: e.ID, Role: model.RoleSuspect}})
	}
	for i := 0; i < 600; i++ {
		n++
		f.Relations = append(f.Relations, model.Relation{Record: rec(n), FromID: f.Entities[i%500].Entity.ID,
			ToID: f.Entities[(i*7+1)%500].Entity.ID, Type: model.RelAssociate, Reliability: "B", Credibility: "2", Source: "surveillance"})
	}
	for i := 0; i < 2000; i++ {
		n++
		f.Timeline = append(f.Timeline, model.TimelineEvent{Record: rec(n), At: at(i), Title: fmt.Sprintf("Surveillance report %d", i),
			Place: "Algeciras", Description: "The lorry left the terminal at night and stopped at an industrial unit."})
	}
	open, atts := writePhotos(b, 100, 1600, 1200, true) // a phone camera's picture, at half its size
	for i := 0; i < 100; i++ {
		n++
		f.Evidence = append(f.Evidence, app.Exhibit{
			Item: model.EvidenceItem{Record: rec(n), ExhibitRef: fmt.Sprintf("ESA-2026-0042/EX-%03d", i+1), Kind: model.EvidencePhoto,
				Description: "Photograph of the concealment", Attachments: atts[i : i+1]},
			Custody: []model.CustodyEvent{{Record: rec(n + 1), Action: model.CustodySeized, At: at(i), To: model.Author{Name: "Begoña Ibáñez Ruiz", Agency: "SVA"}}},
		})
		n++
	}
	return f, dossier.Options{Officer: testOfficer, Date: testDate, Version: app.Version, Photo: open}
}

// BenchmarkDossierUnbrokenToken prints a small case whose note, seizure
// description and case summary are each one unbroken token (a pasted
// hash dump, a hostile package): the dossier's time should follow the
// token's length, not its square.
func BenchmarkDossierUnbrokenToken(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20} {
		b.Run(fmt.Sprintf("%d KB", size>>10), func(b *testing.B) {
			token := strings.Repeat("A9f", size/3+1)[:size]
			rec := model.Record{ID: "00000000-0000-4000-8000-000000000001", UpdatedAt: testNow, UpdatedBy: model.Author{Name: "Begoña Ibáñez Ruiz", Agency: "SVA"}}
			f := app.CaseFile{Case: model.Case{Record: rec, Ref: "ESA-2026-0042", Title: "One long token", Status: model.StatusActive,
				Priority: model.PriorityHigh, Corridor: model.CorridorEULAC, LeadAgency: "SVA", Summary: token}}
			f.Seizures = []model.Seizure{{Record: rec, Ref: "SZ-0001", SeizedAt: testNow, PlaceName: "Algeciras", Category: model.CommodityCocaine,
				Description: token, Quantity: 1, Unit: model.Kilogram, TransportMode: model.ModeContainer, Notes: token}}
			f.Notes = []model.Note{{Record: rec, Body: token}}
			opt := dossier.Options{Officer: testOfficer, Date: testDate, Version: app.Version}
			for b.Loop() {
				var out countingWriter
				pages, err := dossier.Write(ctx, &out, f, opt)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(pages), "pages")
			}
		})
	}
}
