"""The pages of the atlas's records: initiatives, collaborations, the contact's link and
its review, derived ties."""
