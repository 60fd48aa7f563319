package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change, from migrations/NNNN_what.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are every schema change this build knows, in order.
var migrations = loadMigrations()

func loadMigrations() []migration {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var ms []migration
	for i, path := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(path, "migrations/"), ".sql")
		num, name, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != i+1 {
			panic(fmt.Sprintf("storage: migration %s is out of sequence: want number %04d", path, i+1))
		}
		body, err := migrationFiles.ReadFile(path)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(body)})
	}
	return ms
}

// afterMigration are the steps of a migration that SQL cannot take,
// run in the same transaction just after its SQL.
var afterMigration = map[int]func(*Tx) error{
	2: startAuditTrail,      // 0002_evidence_audit
	4: startTrustTrail,      // 0004_trust_audit
	6: repairDuplicateLinks, // 0006_removals
}

// migrate brings the workspace's schema up to date under the write lock,
// recorded as held like any write, and says who holds the workspace when
// another program does.
func (s *Store) migrate(ctx context.Context) error {
	err := migrate(ctx, s.writer, len(migrations), s.hold)
	if isBusy(err) {
		return s.busy(err)
	}
	return err
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int { return len(migrations) }

// migrate applies, in order, each of the first `upTo` migrations that the
// workspace lacks, each in its own transaction together with its record in
// schema_migrations: a migration is either wholly applied or not at all.
// The version is read inside that transaction, under the write lock, so two
// programs opening an old workspace at once (the window and a script) never
// apply the same migration twice.
// held, when given, is called once the write lock is taken, and returns
// what to call when it is let go.
func migrate(ctx context.Context, db *sql.DB, upTo int, held func() func()) error {
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`)
	if err != nil {
		return fmt.Errorf("storage: prepare migrations: %w", describe(err))
	}
	for {
		done, err := applyNext(ctx, db, upTo, held)
		if err != nil || done {
			return err
		}
	}
}

// applyNext applies the first migration the workspace lacks, and reports
// done when there is none left to apply up to upTo.
func applyNext(ctx context.Context, db *sql.DB, upTo int, held func() func()) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("storage: begin migration: %w", describe(err))
	}
	defer tx.Rollback()
	if held != nil {
		release := held()
		defer release()
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return false, fmt.Errorf("storage: read schema version: %w", describe(err))
	}
	if current > len(migrations) {
		return false, fmt.Errorf("storage: this workspace was written by a newer Bollard (schema %d; this build knows up to %d): update Bollard to open it", current, len(migrations))
	}
	if current >= upTo {
		return true, nil
	}
	m := migrations[current]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("storage: migration %04d_%s: %w", m.version, m.name, describe(err))
	}
	if step := afterMigration[m.version]; step != nil {
		if err := step(&Tx{tx: tx}); err != nil {
			return false, fmt.Errorf("storage: migration %04d_%s: %w", m.version, m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, dbTime(time.Now())); err != nil {
		return false, fmt.Errorf("storage: record migration %04d_%s: %w", m.version, m.name, describe(err))
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("storage: commit migration %04d_%s: %w", m.version, m.name, describe(err))
	}
	return false, nil
}
