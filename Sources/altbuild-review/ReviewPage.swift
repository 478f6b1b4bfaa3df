/// The review page: one self-contained document (no CDN, no web fonts, no
/// other files), so it works offline and the server's CSP can forbid every
/// source but itself. The page carries no data: its script fetches
/// `/api/slots` and builds the DOM with `textContent` only, so nothing from a
/// deck or a review file is ever parsed as HTML.
enum ReviewPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>altbuild: ALT text review</title>
        <style>
        \(ReviewPageStyle.css)
        </style>
        </head>
        <body>
        <header>
        <h1>ALT text review</h1>
        <p id="status" role="status" aria-live="polite">Loading…</p>
        <p id="message" role="alert"></p>
        <label class="toggle"><input type="checkbox" id="show-all"> Show all slots, reviewed ones too</label>
        <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous slot · <kbd>a</kbd> approve · <kbd>e</kbd> edit ·
        <kbd>d</kbd> decorative · <kbd>r</kbd> reset · <kbd>Enter</kbd> or <kbd>Ctrl</kbd>+<kbd>Enter</kbd> save an edit
        (<kbd>Shift</kbd>+<kbd>Enter</kbd> new line) · <kbd>Esc</kbd> cancel</p>
        </header>
        <main id="decks"></main>
        <script>
        \(ReviewPageScript.javascript)
        </script>
        </body>
        </html>
        """
}
