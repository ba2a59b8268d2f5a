//! The README's export schema table (`## The export: malgeum.article/1`) against the export
//! itself: every field the table names is in the JSON export of the seed page, and every key
//! of that export is in the table, at the top level and inside the objects the table spells
//! out (`{name, role?, email?}`).
//!
//! The seed page has no `dir`, `subtitle`, `modified`, `tags` or `reason`, and its lists lack
//! some optional keys, so its export is first given a value for every optional field (the
//! struct is taken apart field by field, without `..`: a new field of `Article` stops this
//! test from compiling until it is given one here, and then the table must name it).

use serde_json::{Map, Value};
use std::collections::BTreeSet;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One row of the table: the JSON keys of its first column, and the object keys of the
/// second column's `{…}` when it opens with one (`?` marks an optional key).
struct Row {
    fields: Vec<String>,
    keys: Vec<String>,
}

fn code_spans(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

fn schema_table() -> Vec<Row> {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let section = readme
        .split("\n## The export: `malgeum.article/1`")
        .nth(1)
        .expect("README has the section `## The export: malgeum.article/1`");
    let section = section.split("\n## ").next().unwrap();
    let mut rows = Vec::new();
    for line in section.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        let (first, meaning) = (cells[0].trim(), cells.get(1).map_or("", |c| c.trim()));
        if first == "field" || first.starts_with("---") {
            continue;
        }
        let fields = code_spans(first)
            .into_iter()
            .map(|f| f.trim_end_matches("[]").to_string())
            .collect();
        let keys = match meaning.strip_prefix('`').and_then(|m| m.strip_prefix('{')) {
            Some(rest) => rest[..rest.find('}').unwrap()]
                .split(',')
                .map(|k| k.split(':').next().unwrap().trim().to_string())
                .collect(),
            None => Vec::new(),
        };
        rows.push(Row { fields, keys });
    }
    assert!(rows.len() > 10, "the schema table has rows: {}", rows.len());
    rows
}

fn seed_export() -> malgeum::Article {
    let dir = format!("{ROOT}/examples/businesspost-naver-sovereign-ai");
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/truth.json")).unwrap())
            .unwrap();
    let bytes = std::fs::read(format!("{dir}/source.html")).unwrap();
    let url = truth["url"].as_str().unwrap();
    malgeum::extract_bytes(&bytes, url, &malgeum::Options { markdown: true }).unwrap()
}

/// The seed's export with every optional field and key given a value.
fn full_export(seed: malgeum::Article) -> malgeum::Article {
    let malgeum::Article {
        schema,
        url,
        canonical_url,
        site_name,
        lang,
        dir,
        title,
        subtitle,
        excerpt,
        byline,
        mut authors,
        published,
        modified,
        section,
        mut tags,
        dateline,
        lead_image: _,
        mut images,
        mut people,
        mut related_articles,
        copyright,
        mut notes,
        content_html,
        text,
        markdown,
        stats,
        readerable,
        reason,
        extractor,
    } = seed;
    let some = |v: Option<String>| v.or_else(|| Some("x".into()));
    let image = malgeum::Image {
        src: "https://example.com/a.jpg".into(),
        alt: some(None),
        caption: some(None),
        credit: some(None),
    };
    authors.push(malgeum::Author {
        name: "x".into(),
        role: some(None),
        email: some(None),
    });
    images.push(image.clone());
    people.push(malgeum::Person::default());
    related_articles.push(malgeum::Related::default());
    tags.push("x".into());
    notes.push("x".into());
    malgeum::Article {
        schema,
        url,
        canonical_url: some(canonical_url),
        site_name: some(site_name),
        lang: some(lang),
        dir: some(dir),
        title,
        subtitle: some(subtitle),
        excerpt: some(excerpt),
        byline: some(byline),
        authors,
        published: some(published),
        modified: some(modified),
        section: if section.is_empty() {
            vec!["x".into()]
        } else {
            section
        },
        tags,
        dateline: some(dateline),
        lead_image: Some(image),
        images,
        people,
        related_articles,
        copyright: some(copyright),
        notes,
        content_html,
        text,
        markdown: some(markdown),
        stats,
        readerable,
        reason: some(reason),
        extractor,
    }
}

fn keys(object: &Map<String, Value>) -> BTreeSet<String> {
    object.keys().cloned().collect()
}

#[test]
fn the_readme_schema_table_names_exactly_the_export_fields() {
    let rows = schema_table();
    let named: BTreeSet<String> = rows.iter().flat_map(|r| r.fields.clone()).collect();

    let seed = seed_export();
    let Value::Object(seed_json) = serde_json::from_str(&seed.to_json(false)).unwrap() else {
        panic!("the export is an object")
    };
    let unnamed: Vec<_> = keys(&seed_json).difference(&named).cloned().collect();
    assert!(
        unnamed.is_empty(),
        "the seed's export has fields the README's table does not name: {unnamed:?}"
    );

    let Value::Object(full) = serde_json::from_str(&full_export(seed).to_json(false)).unwrap()
    else {
        panic!("the export is an object")
    };
    let missing: Vec<_> = named.difference(&keys(&full)).cloned().collect();
    assert!(
        missing.is_empty(),
        "the README's table names fields the export lacks: {missing:?}"
    );
    let unnamed: Vec<_> = keys(&full).difference(&named).cloned().collect();
    assert!(
        unnamed.is_empty(),
        "the export has fields the README's table does not name: {unnamed:?}"
    );

    // Inside the objects the table spells out: the keys the table lists are those the export's
    // objects hold (over all the items of a list).
    for row in rows.iter().filter(|r| !r.keys.is_empty()) {
        let listed: BTreeSet<String> = row
            .keys
            .iter()
            .map(|k| k.trim_end_matches('?').to_string())
            .collect();
        for field in &row.fields {
            let objects: Vec<&Map<String, Value>> = match &full[field] {
                Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
                Value::Object(o) => vec![o],
                other => panic!("`{field}` is described as an object but is {other}"),
            };
            assert!(!objects.is_empty(), "`{field}` has no object to check");
            let held: BTreeSet<String> = objects.iter().flat_map(|o| keys(o)).collect();
            assert_eq!(
                listed, held,
                "the keys of `{field}`: the README's table vs the export"
            );
            for required in row.keys.iter().filter(|k| !k.ends_with('?')) {
                for o in &objects {
                    assert!(
                        o.contains_key(required),
                        "`{field}` lacks `{required}`, which the table does not mark optional"
                    );
                }
            }
        }
    }
}
