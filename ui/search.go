package ui

import (
	"context"
	"errors"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
)

// searcher is what the search field needs of a workspace.
type searcher interface {
	IndexInBackground()
	IndexReady() <-chan struct{}
	Search(ctx context.Context, query string, opt app.SearchOptions) ([]app.SearchHit, error)
}

// searchLimit is how many hits one search shows: more than fit on the
// screen, few enough to lay out at every keystroke.
const searchLimit = 60

// searchPlaceholder is what the empty field says it finds, and how to reach it.
const searchPlaceholder = "Search cases, people, companies, vessels, containers… (Ctrl+K)"

// searchBox is the search field across the top of the home screen and the
// results under it: an investigator types a few letters of anything they
// half remember and opens what they meant with Enter.
//
// Every keystroke cancels the search in flight and starts another off the
// UI goroutine; each search is numbered, and an answer that is not the
// newest one asked for is thrown away, so that a slow answer to "mu" can
// never replace the answer to "munoz" that came before it.
type searchBox struct {
	store    searcher
	win      fyne.Window
	bg       *background
	onOpen   func(app.SearchHit) // opens a hit the officer chose
	onActive func(active bool)   // the results panel is to be shown (a query) or hidden

	entry   *searchEntry
	clear   *widget.Button
	hint    *widget.Label   // "indexing…" while the index is being built
	row     *fyne.Container // the field between its icon and the hint
	kinds   *kindChips
	results *searchResults
	bar     fyne.CanvasObject // the field, across the top of the screen
	panel   fyne.CanvasObject // the kind chips and results, in place of the case list

	active   bool // the panel is showing: there is a query
	reported bool // a failed search has been reported: once is enough, not at every key

	// mu guards the searches in flight. In the app everything runs on the
	// UI goroutine; under the test driver, answers arrive on the search's
	// own goroutine while the test goes on typing.
	mu               sync.Mutex
	seq              int                // number of the newest search asked for
	shown            int                // number of the search whose answer is on screen
	cancel           context.CancelFunc // cancels the newest search
	openWhenAnswered bool               // Enter was pressed before the answer came
}

func newSearchBox(store searcher, win fyne.Window, bg *background, onOpen func(app.SearchHit), onActive func(bool)) *searchBox {
	s := &searchBox{store: store, win: win, bg: bg, onOpen: onOpen, onActive: onActive}
	s.entry = newSearchEntry()
	s.entry.SetPlaceHolder(searchPlaceholder)
	s.entry.OnChanged = func(string) { s.onChanged() }
	s.entry.OnSubmitted = func(string) { s.onEnter() }
	s.entry.onDown = func() { s.results.move(1) }
	s.entry.onUp = func() { s.results.move(-1) }
	s.entry.onEscape = s.onEscape
	s.entry.forwardShortcut = s.onShortcut

	s.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), s.onEscape)
	s.clear.Importance = widget.LowImportance
	s.clear.Hide()
	s.entry.ActionItem = s.clear

	s.hint = widget.NewLabel("indexing…")
	s.hint.Hide()
	s.kinds = newKindChips(s.onKindsChanged)
	s.results = newSearchResults(s.onHitTapped)

	icon := widget.NewIcon(theme.SearchIcon())
	s.row = container.NewBorder(nil, nil, icon, s.hint, s.entry)
	s.bar = container.NewPadded(s.row)
	s.panel = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, s.kinds.content, s.results.status)), nil, nil, nil, s.results.content)
	s.panel.Hide()
	return s
}

// start builds the workspace's search index in the background, as soon as
// the workspace is shown, so that it is ready by the time the officer
// types; the hint says so while it is not.
func (s *searchBox) start() {
	s.store.IndexInBackground()
	ready := s.store.IndexReady()
	select {
	case <-ready:
		return
	default:
	}
	s.setHint(true)
	inBackground(s.bg, func(ctx context.Context) (struct{}, error) {
		select {
		case <-ready:
			return struct{}{}, nil
		case <-ctx.Done():
			return struct{}{}, ctx.Err()
		}
	}, func(struct{}, error) { s.setHint(false) })
}

// setHint shows or hides the indexing hint, giving the field its room.
func (s *searchBox) setHint(on bool) {
	if on {
		s.hint.Show()
	} else {
		s.hint.Hide()
	}
	s.row.Refresh()
}

// focus puts the cursor in the field: Ctrl+K.
func (s *searchBox) focus() {
	s.win.Canvas().Focus(s.entry)
}

// query is the text searched for.
func (s *searchBox) query() string { return strings.TrimSpace(s.entry.Text) }

func (s *searchBox) onChanged() {
	if s.entry.Text == "" {
		s.clear.Hide()
	} else {
		s.clear.Show()
	}
	s.run()
}

func (s *searchBox) onKindsChanged() {
	s.run()
}

// run cancels the search in flight and starts one for what the field
// says now. An empty field puts the case list back.
func (s *searchBox) run() {
	query := s.query()
	opt := app.SearchOptions{Limit: searchLimit, Kinds: s.kinds.selected()}

	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.seq++
	seq := s.seq
	s.openWhenAnswered = false
	var ctx context.Context
	if query != "" {
		ctx, s.cancel = context.WithCancel(s.bg.sessionContext())
	}
	s.mu.Unlock()

	if query == "" {
		s.setActive(false)
		return
	}
	s.setActive(true)
	inBackground(s.bg, func(context.Context) ([]app.SearchHit, error) {
		return s.store.Search(ctx, query, opt)
	}, func(hits []app.SearchHit, err error) {
		s.onAnswer(seq, query, hits, err)
	})
}

// setActive shows the results panel in place of the case list, or puts
// the list back.
func (s *searchBox) setActive(active bool) {
	if active == s.active {
		return
	}
	s.active = active
	if active {
		s.results.showSearching()
		s.panel.Show()
	} else {
		s.panel.Hide()
		s.results.clear()
	}
	s.onActive(active)
}

// onAnswer shows the answer to search number seq, unless the officer has
// typed on since it was asked.
func (s *searchBox) onAnswer(seq int, query string, hits []app.SearchHit, err error) {
	s.mu.Lock()
	newest := seq == s.seq
	open := newest && s.openWhenAnswered
	if newest {
		s.shown = seq
		s.openWhenAnswered = false
	}
	s.mu.Unlock()
	if !newest {
		return // a stale answer, or a search cancelled by a keystroke
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return
		}
		s.results.showFailed()
		if !s.reported {
			s.reported = true
			showError(s.win, "search the workspace", err)
		} else {
			logError("search the workspace", err)
		}
		return
	}
	s.results.show(query, hits)
	if open {
		s.openSelected()
	}
}

// onEnter opens the selected hit, the best one unless the officer has
// moved with the arrow keys. Pressed before the answer has come, it opens
// the best hit of that answer as soon as it comes.
func (s *searchBox) onEnter() {
	if s.query() == "" {
		return
	}
	s.mu.Lock()
	answered := s.shown == s.seq
	if !answered {
		s.openWhenAnswered = true
	}
	s.mu.Unlock()
	if answered {
		s.openSelected()
	}
}

func (s *searchBox) openSelected() {
	if h, ok := s.results.selectedHit(); ok {
		s.onOpen(h)
	}
}

// onHitTapped opens the hit the officer clicked.
func (s *searchBox) onHitTapped(h app.SearchHit) {
	s.onOpen(h)
}

// onEscape empties the field, which puts the case list back.
func (s *searchBox) onEscape() {
	s.reset()
}

// reset empties the field once a hit has been opened in the case list.
func (s *searchBox) reset() {
	s.entry.SetText("")
}

// onShortcut hands a shortcut typed in the field on to the window, so
// that Ctrl+N still opens a new case while the cursor is in the field.
func (s *searchBox) onShortcut(sc fyne.Shortcut) {
	if h, ok := s.win.Canvas().(fyne.Shortcutable); ok {
		h.TypedShortcut(sc)
	}
}
