//! The wasm-bindgen surface: `extract(html, url, options?)` returns the export as a plain JS
//! object. Errors come back as JS exceptions with a message; panics are caught by the hook
//! and reported on the console (release builds abort instead of unwinding).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    malgeum::set_url_parser(browser_href);
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `URL`: the URL Standard's parser itself, IDNA included.
    #[wasm_bindgen(js_name = URL)]
    type BrowserUrl;
    #[wasm_bindgen(constructor, js_class = "URL", catch)]
    fn new(input: &str) -> Result<BrowserUrl, JsValue>;
    #[wasm_bindgen(constructor, js_class = "URL", catch)]
    fn new_with_base(input: &str, base: &str) -> Result<BrowserUrl, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn href(this: &BrowserUrl) -> String;
}

/// How the engine reads a link here: as the browser itself does.
fn browser_href(input: &str, base: Option<&str>) -> Option<String> {
    match base {
        Some(base) => BrowserUrl::new_with_base(input, base),
        None => BrowserUrl::new(input),
    }
    .ok()
    .map(|url| url.href())
}

/// `options`: `{ markdown?: boolean }`.
#[wasm_bindgen]
pub fn extract(html: &str, url: &str, options: JsValue) -> Result<JsValue, JsError> {
    let markdown = if options.is_object() {
        js_sys_get_bool(&options, "markdown")
    } else {
        false
    };
    let article = malgeum::extract(html, url, &malgeum::Options { markdown })
        .map_err(|e| JsError::new(&e.to_string()))?;
    // JSON text that JavaScript parses: one string across the boundary, not a call per field.
    js_sys::JSON::parse(&article.to_json(false)).map_err(|_| JsError::new("the export is no JSON"))
}

fn js_sys_get_bool(obj: &JsValue, key: &str) -> bool {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).is_ok_and(|v| v.as_bool() == Some(true))
}
