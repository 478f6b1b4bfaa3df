/// The review page's style sheet: system fonts, readable contrast, a clear
/// focus ring for keyboard use.
enum ReviewPageStyle {
    static let css = """
        :root { color-scheme: light dark; --accent: #0b57d0; --muted: #5f6368; --line: #d0d4da; --open: #b3261e; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
        header { position: sticky; top: 0; z-index: 1; background: Canvas; border-bottom: 1px solid var(--line); padding: 8px 24px; }
        h1 { font-size: 20px; margin: 4px 0; }
        #status { font-weight: 600; margin: 4px 0; }
        #message { color: var(--open); margin: 4px 0; min-height: 1em; }
        .keys { color: var(--muted); font-size: 13px; margin: 4px 0; }
        main { padding: 8px 24px 48px; }
        h2 { font-size: 18px; margin: 24px 0 0; }
        h3 { font-size: 15px; margin: 16px 0 8px; color: var(--muted); }
        .review-file { color: var(--muted); font-size: 13px; margin: 2px 0; }
        .error { color: var(--open); white-space: pre-wrap; }
        .slot { display: grid; grid-template-columns: 260px 1fr; gap: 16px; border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 8px 0; }
        .slot:focus, .slot.current { outline: 3px solid var(--accent); outline-offset: 2px; }
        .slot.settled { opacity: 0.75; }
        .picture { max-width: 260px; max-height: 220px; object-fit: contain; background: repeating-conic-gradient(#ccc 0 25%, #fff 0 50%) 0 0 / 16px 16px; }
        .data { margin: 0; font-size: 13px; white-space: pre-wrap; word-break: break-word; }
        .no-picture { color: var(--muted); }
        .meta { margin: 0 0 6px; }
        .kind { font-weight: 600; }
        .name { color: var(--muted); }
        .state { border-radius: 4px; padding: 1px 6px; font-size: 13px; border: 1px solid var(--line); }
        .state-generated, .state-needs-review, .state-missing, .state-placeholder { border-color: var(--open); color: var(--open); }
        .context { margin: 0 0 6px; font-size: 13px; color: var(--muted); }
        .context dt { font-weight: 600; display: inline; }
        .context dd { display: inline; margin: 0 0 0 4px; }
        .context div { margin: 1px 0; }
        .text { margin: 6px 0; font-size: 16px; white-space: pre-wrap; }
        .text.empty { color: var(--muted); font-style: italic; }
        .generated, .reason, .stale { font-size: 13px; color: var(--muted); margin: 2px 0; }
        .actions button, .editor button { font: inherit; margin: 6px 6px 0 0; padding: 4px 12px; }
        .editor textarea { width: 100%; min-height: 4.5em; font: inherit; box-sizing: border-box; }
        .editor[hidden] { display: none; }
        @media (max-width: 640px) { .slot { grid-template-columns: 1fr; } }
        """
}
