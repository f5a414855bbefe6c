// Duban's addition to FerretDB 1.24.2's SQLite backend (infra/install-engines.sh copies this file
// into internal/backends/sqlite/ and makes Query and Explain call it).
//
// FerretDB 1.24.2 on SQLite sends a filter to SQL only when it is exactly {_id: <string or
// ObjectId>}; any other filter reads and decodes every document of the collection, so the indexes
// the read models declare (createIndexes makes them on _ferretdb_sjson->"field") are never used:
// an item's timeline by {itemId}, a unit's inbox by {unitCode}, all cost a scan that grows with
// the city. This sends each top-level {field: <string>} of a filter to SQL as well.
//
// What SQL selects only has to include every matching document: the handler applies the whole
// filter to what comes back (common.FilterIterator / FilterDocument), as it did before. In MongoDB
// {f: "s"} matches f equal to "s" and also an array f holding "s", so the condition is
//   f's JSON text = the JSON text of "s"   OR   f's JSON text begins with '['
// ('[' <= text < '\', the character after '['). Both terms range over the index on the field, so
// SQLite answers the OR from the index (EXPLAIN QUERY PLAN: MULTI-INDEX OR). The JSON text of a
// string is the one sjson wrote (SQLite keeps a string's escapes as written), the same encoding
// FerretDB already relies on for {_id}. Dotted paths, operators and non-string values are left to
// the handler, as before.
//
// A scan returned documents in the order they were inserted (rowid), and code written against it
// may rely on that; rows found through an index come in the index's order. So a clause with a field
// condition also asks for rowid order, unless the query brings its own ($natural).

package sqlite

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// dubanPlainField is a top-level field name SQLite's -> operator takes as a plain object label.
var dubanPlainField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// dubanWhereClause returns the WHERE clause (with its leading space) and its arguments for the
// parts of filter SQL can select by, or "" when there is none; filterPushdown says whether any part
// was. sort is the query's own ($natural or nothing: the handler sorts by anything else itself).
func dubanWhereClause(filter, sort *types.Document) (whereClause string, args []any, filterPushdown bool) {
	if filter == nil {
		return "", nil, false
	}

	var conditions []string
	byField := false

	for _, key := range filter.Keys() {
		value, err := filter.Get(key)
		if err != nil {
			continue
		}

		if key == "_id" {
			switch value.(type) {
			case string, types.ObjectID:
				conditions = append(conditions, fmt.Sprintf(`%s = ?`, metadata.IDColumn))
				args = append(args, string(must.NotFail(sjson.MarshalSingleValue(value))))
			}

			continue
		}

		text, ok := value.(string)
		if !ok || !dubanPlainField.MatchString(key) {
			continue
		}

		byField = true
		column := fmt.Sprintf(`%s->'%s'`, metadata.DefaultColumn, key)
		conditions = append(conditions, fmt.Sprintf(`(%[1]s = ? OR (%[1]s >= '[' AND %[1]s < '\'))`, column))
		args = append(args, string(must.NotFail(sjson.MarshalSingleValue(text))))
	}

	if len(conditions) == 0 {
		return "", nil, false
	}

	whereClause = ` WHERE ` + strings.Join(conditions, ` AND `)
	if byField && (sort == nil || sort.Len() != 1) {
		whereClause += ` ORDER BY rowid`
	}

	return whereClause, args, true
}
