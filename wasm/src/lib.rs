//! The wasm-bindgen surface: `extract(html, url, options?)` returns the export as a plain JS
//! object. Errors come back as JS exceptions with a message; panics are caught by the hook
//! and reported on the console (release builds abort instead of unwinding).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
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
