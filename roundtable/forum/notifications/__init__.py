"""Who hears about the forum, and how: the fan-out of a new post (fanout), the daily digest
(digest) and the signed one-click unsubscribe links every e-mail carries (unsubscribe)."""
