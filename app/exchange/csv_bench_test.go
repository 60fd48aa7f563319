package exchange_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"bollard/app/exchange"
)

// sheetOfSeizures is a spreadsheet of n distinct seizures, as a port's
// yearly export would hold them.
func sheetOfSeizures(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Date,Place,LOCODE,Commodity,Category,Quantity (kg),Value,Currency,Transport mode,Container,Notes\n")
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "%s,Port of Rotterdam,NLRTM,Cocaine in bricks lot %d,cocaine,%d.5,%d,EUR,maritime container,MSCU1234566,Row %d of the yearly export\n",
			day.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), i, 10+i%500, 1000*i, i)
	}
	return b.Bytes()
}

// BenchmarkImportSeizureSheet reads and imports spreadsheets of 10,000,
// 50,000 and 100,000 seizures into one case, as `bollard import FILE.csv
// --case REF` does: the time per row should not grow with the rows.
func BenchmarkImportSeizureSheet(b *testing.B) {
	for _, n := range []int{10_000, 50_000, 100_000} {
		data := sheetOfSeizures(n)
		b.Run(fmt.Sprintf("%d rows", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				b.StopTimer()
				w := mustOpen(b, "BEC")
				c := newCase(b, w)
				b.StartTimer()
				sheet, err := exchange.ReadSeizureCSV(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				sum, err := exchange.ImportSeizureSheet(ctx, w, c.Ref, sheet, false)
				if err != nil || sum.Imported != n {
					b.Fatalf("imported %d of %d: %v", sum.Imported, n, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/row")
		})
	}
}
