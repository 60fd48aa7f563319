package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"bollard/app"
	"bollard/app/search"
)

// runSearch finds anything in the workspace by a few letters of it: one
// query from the arguments, or, with --stdin, one query a line with one
// answer a line, the index built once for all of them.
func runSearch(e *env, args []string) error {
	fs := flags("search")
	asJSON := fs.Bool("json", false, "print as JSON")
	limit := fs.Int("limit", 20, "how many hits at most")
	kind := fs.String("kind", "", "only this kind: case, seizure, entity, evidence, task or note")
	stdin := fs.Bool("stdin", false, "read one query a line from standard input")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return usagef("--limit %d: should be at least 1", *limit)
	}
	opt := app.SearchOptions{Limit: *limit}
	if *kind != "" {
		k, err := search.ParseKind(*kind)
		if err != nil {
			return usageError{err.Error()}
		}
		opt.Kinds = []search.Kind{k}
	}
	query := strings.Join(rest, " ")
	switch {
	case *stdin && query != "":
		return usagef("search takes a query or --stdin, not both")
	case !*stdin && strings.TrimSpace(query) == "":
		return usagef("search needs a query, e.g. bollard search munoz rojas")
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	answer := func(q string) error {
		hits, err := w.Search(e.ctx, q, opt)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeAnswer(e, q, hits, *stdin)
		}
		printHits(e, hits)
		return nil
	}
	if !*stdin {
		return answer(query)
	}
	lines := bufio.NewScanner(e.stdin)
	lines.Buffer(make([]byte, 64*1024), 1024*1024)
	for lines.Scan() {
		if strings.TrimSpace(lines.Text()) == "" {
			continue
		}
		if !*asJSON {
			fmt.Fprintf(forTerminal(e.stdout), "» %s\n", lines.Text())
		}
		if err := answer(lines.Text()); err != nil {
			return err
		}
	}
	return lines.Err()
}

// hitLine is one hit in `search --json`. Its fields are part of the
// command-line contract: add, never rename.
type hitLine struct {
	Kind        string `json:"kind"`
	ID          string `json:"id"`
	Title       string `json:"title"`
	Context     string `json:"context"`
	CaseRef     string `json:"case_ref"`
	Text        string `json:"text"`        // the text that matched, as recorded
	Matched     []int  `json:"matched"`     // byte offsets in text of the matched characters
	Highlighted string `json:"highlighted"` // text with the matched runs in [brackets]
	Score       int    `json:"score"`
}

// answerLine is the answer to one query.
type answerLine struct {
	Query string    `json:"query"`
	Hits  []hitLine `json:"hits"`
}

func writeAnswer(e *env, query string, hits []app.SearchHit, oneLine bool) error {
	a := answerLine{Query: query, Hits: []hitLine{}}
	for _, h := range hits {
		text := h.Doc.Fields[h.Field]
		a.Hits = append(a.Hits, hitLine{
			Kind: string(h.Doc.Kind), ID: h.Doc.ID, Title: h.Doc.Title, Context: h.Doc.Context, CaseRef: h.Doc.CaseRef,
			Text: text, Matched: h.Matched, Highlighted: bracket(text, h.Matched), Score: h.Score,
		})
	}
	if !oneLine {
		return writeJSON(e.stdout, a)
	}
	enc := json.NewEncoder(e.stdout) // one answer a line, for scripts reading --stdin's output
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// printHits prints the hits grouped by kind, best group first.
func printHits(e *env, hits []app.SearchHit) {
	if len(hits) == 0 {
		fmt.Fprintln(e.stdout, "nothing found")
		return
	}
	tw := tabwriter.NewWriter(forTerminal(e.stdout), 0, 0, 2, ' ', 0)
	for _, group := range search.Group(hits) {
		fmt.Fprintln(tw, kindHeadings[group[0].Doc.Kind])
		for _, h := range group {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", clip(h.Doc.Title, 50), clip(h.Doc.Context, 45), clip(bracket(h.Doc.Fields[h.Field], h.Matched), 60))
		}
	}
	tw.Flush()
}

var kindHeadings = map[search.Kind]string{
	search.KindCase: "CASES", search.KindSeizure: "SEIZURES", search.KindEntity: "ENTITIES",
	search.KindEvidence: "EVIDENCE", search.KindTask: "TASKS", search.KindNote: "NOTES",
}

// bracket puts the matched characters of text, runs of them together, in
// [brackets], so that a terminal shows what matched.
func bracket(text string, matched []int) string {
	at := map[int]bool{}
	for _, i := range matched {
		at[i] = true
	}
	var b strings.Builder
	open := false
	for i, r := range text {
		if at[i] != open {
			if open {
				b.WriteByte(']')
			} else {
				b.WriteByte('[')
			}
			open = !open
		}
		b.WriteRune(r)
	}
	if open {
		b.WriteByte(']')
	}
	return b.String()
}
