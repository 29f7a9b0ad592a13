"""Sharing what worked: a passage of a sent reply made into a snippet (`generalize`), kept in this shop's own
pack or shared on the team's server (`saved`). Above the team layer and the snippets it builds on."""
