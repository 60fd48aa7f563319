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

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int { return len(migrations) }

// migrate applies, in order, each of the first `upTo` migrations that the
// workspace lacks, each in its own transaction together with its record in
// schema_migrations: a migration is either wholly applied or not at all.
func migrate(ctx context.Context, db *sql.DB, upTo int) error {
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`)
	if err != nil {
		return fmt.Errorf("storage: prepare migrations: %w", describe(err))
	}
	var current int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("storage: read schema version: %w", describe(err))
	}
	if current > len(migrations) {
		return fmt.Errorf("storage: this workspace was written by a newer Bollard (schema %d; this build knows up to %d): update Bollard to open it", current, len(migrations))
	}
	for _, m := range migrations[current:upTo] {
		if err := apply(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

func apply(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: migration %04d_%s: %w", m.version, m.name, describe(err))
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("storage: migration %04d_%s: %w", m.version, m.name, describe(err))
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, dbTime(time.Now())); err != nil {
		return fmt.Errorf("storage: record migration %04d_%s: %w", m.version, m.name, describe(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: commit migration %04d_%s: %w", m.version, m.name, describe(err))
	}
	return nil
}
