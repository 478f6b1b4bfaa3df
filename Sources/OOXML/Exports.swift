/// The deck model (slots, inventories, edits) is part of this layer's API:
/// whoever reads decks with it sees the model too.
@_exported public import DeckModel
