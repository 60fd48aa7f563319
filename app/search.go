package app

import (
	"context"
	"sync"

	"bollard/app/search"
	"bollard/model"
	"bollard/storage"
)

// SearchOptions narrows a search: how many hits, which kinds.
type SearchOptions = search.Options

// SearchHit is one thing found, with what matched in it.
type SearchHit = search.Hit

// searchIndex is the workspace's in-memory search index and where its
// building stands. It is built from the workspace file once, in the
// background, and then kept up to date by every saved change: never rebuilt
// for one change.
type searchIndex struct {
	ix    *search.Index
	ready chan struct{} // closed when the index holds the whole workspace

	mu       sync.Mutex
	stop     context.CancelFunc // stops a build under way when the workspace closes
	started  bool
	building bool
	err      error                 // why the build failed, if it did
	pending  []func(*search.Index) // changes saved while the build was reading
}

func newSearchIndex() *searchIndex {
	return &searchIndex{ix: search.New(), ready: make(chan struct{})}
}

// IndexInBackground starts building the search index from the workspace
// file, once; the window calls it as soon as the workspace is open, so
// that the index is ready by the time the officer types.
func (w *Workspace) IndexInBackground() {
	si := w.search
	si.mu.Lock()
	if si.started {
		si.mu.Unlock()
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	si.started, si.building, si.stop = true, true, stop
	si.mu.Unlock()
	go func() {
		err := w.buildIndex(ctx)
		si.mu.Lock()
		defer si.mu.Unlock()
		si.err = err
		// Changes saved while the build read its snapshot come after it.
		for _, apply := range si.pending {
			apply(si.ix)
		}
		si.pending, si.building = nil, false
		close(si.ready)
	}()
}

// stopIndexing stops a build under way and waits for it to end, so that a
// closing window does not wait for a million records to be read.
func (w *Workspace) stopIndexing() {
	si := w.search
	si.mu.Lock()
	started, stop := si.started, si.stop
	si.mu.Unlock()
	if started {
		stop()
		<-si.ready
	}
}

// IndexReady is closed once the search index holds the whole workspace.
func (w *Workspace) IndexReady() <-chan struct{} { return w.search.ready }

// Search finds anything in the workspace by a few letters of it, best
// first. It waits for the index to be built (starting the build if needed)
// and gives up when ctx is cancelled, as when the officer types on.
func (w *Workspace) Search(ctx context.Context, query string, opt SearchOptions) ([]SearchHit, error) {
	w.IndexInBackground()
	select {
	case <-w.search.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	w.search.mu.Lock()
	err := w.search.err
	w.search.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return w.search.ix.Search(ctx, query, opt)
}

// buildIndex reads every searchable record from one snapshot of the file.
// Reading and indexing overlap: the records read are handed over in
// batches to a goroutine that puts them in the index.
func (w *Workspace) buildIndex(ctx context.Context) error {
	batches := make(chan []search.Doc, 4)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for docs := range batches {
			w.search.ix.Put(docs...)
		}
	}()
	var batch []search.Doc
	put := func(d search.Doc) error {
		batch = append(batch, d)
		if len(batch) == 4096 {
			batches <- batch
			batch = nil
		}
		return ctx.Err()
	}
	err := w.read(ctx, func(tx *storage.Tx) error { return readSearchable(tx, put) })
	batches <- batch
	close(batches)
	<-done
	return err
}

// readSearchable hands put every searchable record of the workspace. An
// archived case, and what is in it, leaves the search as it leaves the
// lists.
func readSearchable(tx *storage.Tx, put func(search.Doc) error) error {
	refs := map[string]string{} // the refs of the cases in work, by ID
	err := tx.EachCase(func(c model.Case) error {
		if c.Status == model.StatusArchived {
			return nil
		}
		refs[c.ID] = c.Ref
		return put(search.CaseDoc(c))
	})
	if err != nil {
		return err
	}
	err = tx.EachSeizure(func(s model.Seizure) error {
		if ref, ok := refs[s.CaseID]; ok {
			return put(search.SeizureDoc(s, ref))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := tx.EachEntity(func(e model.Entity) error { return put(search.EntityDoc(e)) }); err != nil {
		return err
	}
	err = tx.EachTask(func(t model.Task) error {
		if ref, ok := refs[t.CaseID]; ok {
			return put(search.TaskDoc(t, ref))
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.EachNote(func(n model.Note) error {
		if ref, ok := refs[n.CaseID]; ok {
			return put(search.NoteDoc(n, ref))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return eachExhibit(tx, func(e model.EvidenceItem) error {
		if ref, ok := refs[e.CaseID]; ok {
			return put(search.EvidenceDoc(e, ref))
		}
		return nil
	})
}

// eachExhibit hands fn every exhibit with the names of its files, which
// the search finds it by too.
func eachExhibit(tx *storage.Tx, fn func(model.EvidenceItem) error) error {
	files := map[string][]model.Attachment{}
	err := tx.EachAttachment(func(a model.Attachment) error {
		files[a.ItemID] = append(files[a.ItemID], a)
		return nil
	})
	if err != nil {
		return err
	}
	return tx.EachEvidence(func(e model.EvidenceItem) error {
		e.Attachments = files[e.ID]
		return fn(e)
	})
}

// indexChanges brings the index up to date with a batch just saved. Before
// the build has started there is nothing to do: the build will read the
// change from the file.
func (w *Workspace) indexChanges(put []search.Doc, remove []string) {
	if len(put) == 0 && len(remove) == 0 {
		return
	}
	apply := func(ix *search.Index) {
		ix.Remove(remove...)
		ix.Put(put...)
	}
	si := w.search
	si.mu.Lock()
	defer si.mu.Unlock()
	switch {
	case !si.started:
	case si.building:
		si.pending = append(si.pending, apply)
	default:
		apply(si.ix)
	}
}

// index notes a record to put in the search index once the batch is saved.
func (b *Batch) index(d search.Doc) { b.put = append(b.put, d) }

// unindex notes a record to take out of the search index once the batch is saved.
func (b *Batch) unindex(id string) { b.remove = append(b.remove, id) }
