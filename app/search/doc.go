// Package search is the in-memory fuzzy index over everything in a
// workspace: cases, seizures, entities, evidence, tasks and notes, found by
// typing a few letters of any name, alias, ref or identifier in them.
//
// The app layer feeds it one Doc per record (CaseDoc, EntityDoc...) when a
// workspace opens and again on every write (Put, Remove); the index never
// reads the workspace itself, and does no I/O. Text is folded before it is
// matched (see Fold), so that accents, case, Cyrillic or Greek script and
// the spaces and dashes inside identifiers do not stand between an
// investigator and a record.
//
// A query is matched three ways, and a record keeps its best score:
//
//   - in order, ranked as github.com/sahilm/fuzzy ranks a pattern in a
//     string, with the query's word breaks dropped ("MSCU 123456-6" finds
//     MSCU1234566, "442079460958" finds "+44 20 7946 0958");
//   - word by word in any order, each word in any field of the record
//     ("rojas munoz" finds "Muñoz Rojas Trading"), best when all in one;
//   - forgiving typing mistakes: a letter or digit wrong, missing, extra or
//     swapped with its neighbour (Damerau–Levenshtein, computed
//     bit-parallel). A query word of 4 to 8 characters may hold one mistake
//     and a longer one two, so that a container number with two digits
//     wrong still finds the box. A query of several words may hold as many
//     as its words run together would, in order, or be found in any order
//     with one of its words of 5 letters or more mistyped.
//
// Exact and prefix matches of whole identifiers rank first, then the same
// words in another order, then near misses. A query's words must each be
// found somewhere in a record for it to match.
//
// A search reads a 32-byte summary of each record (which characters and
// pairs of characters it holds) to rule most records out without reading
// their text, splits the rest over every core, and returns the best few
// with the matched characters of the original text to highlight. An Index
// is safe for concurrent use: searches run alongside Put and Remove.
package search
