"""The form that asks for a training: no fields (the holder is the user's organisation);
its errors are the service's refusals, shown in the page's error summary."""

from __future__ import annotations

from koers.core.forms import Form


class TrainForm(Form):
    pass
