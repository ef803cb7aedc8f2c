"""The fixed lists of matching: roles in care, qualifications, routes in, funnel stages,
priorities and statuses. Values are Dutch and stored; labels are translated."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CareRole(models.TextChoices):
    VERZORGENDE = "verzorgende", _("Carer (verzorgende IG)")
    VERPLEEGKUNDIGE = "verpleegkundige", _("Nurse")
    HELPENDE = "helpende", _("Care assistant (helpende)")
    BEGELEIDER = "begeleider", _("Support worker")
    GASTVROUW = "gastvrouw", _("Host or hostess")
    FACILITAIR = "facilitair", _("Facilities and logistics")
    OVERIG = "overig", _("Other")


class QualificationKind(models.TextChoices):
    BIG = "big", _("BIG registration")
    DIPLOMA_VIG = "diploma_vig", _("Diploma verzorgende IG")
    DIPLOMA_VERPLEEGKUNDE = "diploma_verpleegkunde", _("Nursing diploma")
    DIPLOMA_HELPENDE = "diploma_helpende", _("Diploma helpende")
    VOG = "vog", _("Certificate of conduct (VOG)")
    OVERIG = "overig", _("Other")


class Route(models.TextChoices):
    """How a candidate came in."""

    LANDELIJKE_WEBSITE = "landelijke_website", _("National website (Extra Handen voor de Zorg)")
    AANMELDFORMULIER = "aanmeldformulier", _("Our sign-up form")
    CAMPAGNE = "campagne", _("Campaign")
    DOORVERWIJZING = "doorverwijzing", _("Referral")
    WERK_NAAR_WERK = "werk_naar_werk", _("Work-to-work")
    OVERIG = "overig", _("Other")


class Stage(models.TextChoices):
    """The funnel, in order; `koers.matching.funnel` says which step may follow which."""

    AANGEMELD = "aangemeld", _("Signed up")
    INTAKE_GEPLAND = "intake_gepland", _("Intake planned")
    INTAKE_GEHAD = "intake_gehad", _("Intake held")
    INZETBAAR = "inzetbaar", _("Deployable")
    NIET_INZETBAAR = "niet_inzetbaar", _("Not deployable")
    DOORVERWEZEN = "doorverwezen", _("Referred")
    VOORGESTELD = "voorgesteld", _("Proposed")
    GEPLAATST = "geplaatst", _("Placed")
    AFGEROND = "afgerond", _("Finished")
    GESTOPT = "gestopt", _("Stopped")


class CallOutcome(models.TextChoices):
    BEREIKT = "bereikt", _("Reached")
    GEEN_GEHOOR = "geen_gehoor", _("No answer")
    VOICEMAIL = "voicemail", _("Left a message")
    ONJUIST_NUMMER = "onjuist_nummer", _("Wrong number")


class Priority(models.IntegerChoices):
    """Set by the GGD/GHOR; the weight of a request's shifts in the matching."""

    LAAG = 1, _("Low")
    NORMAAL = 2, _("Normal")
    HOOG = 3, _("High")
    URGENT = 4, _("Urgent")


class RequestStatus(models.TextChoices):
    NIEUW = "nieuw", _("New")
    OPEN = "open", _("Open")
    INGEVULD = "ingevuld", _("Filled")
    GESLOTEN = "gesloten", _("Closed")
    INGETROKKEN = "ingetrokken", _("Withdrawn")


class ProposalStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("Proposed")
    BEVESTIGD = "bevestigd", _("Confirmed")
    AFGEWEZEN = "afgewezen", _("Declined")
    VERVALLEN = "vervallen", _("Superseded")


class PlacementStatus(models.TextChoices):
    BEVESTIGD = "bevestigd", _("Confirmed")
    PLAATSGEVONDEN = "plaatsgevonden", _("Took place")
    NIET_DOORGEGAAN = "niet_doorgegaan", _("Did not take place")
    GEANNULEERD = "geannuleerd", _("Cancelled")


# A placement in one of these holds the candidate's time: no other may overlap it.
HOLDING_PLACEMENT = (PlacementStatus.BEVESTIGD, PlacementStatus.PLAATSGEVONDEN)


class RunMethod(models.TextChoices):
    SOLVER = "solver", _("Optimal assignment (solver)")
    GREEDY = "greedy", _("Greedy (baseline)")


class RunStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Waiting")
    BEZIG = "bezig", _("Running")
    KLAAR = "klaar", _("Done")
    MISLUKT = "mislukt", _("Failed")


class FollowUpSide(models.TextChoices):
    KANDIDAAT = "kandidaat", _("Candidate")
    ORGANISATIE = "organisatie", _("Care organisation")


class TrajectoryKind(models.TextChoices):
    STERK_IN_JE_WERK = "sterk_in_je_werk", _("Sterk in je Werk coaching")
    LOOPBAANPORTAL = "loopbaanportal", _("Career portal (loopbaanportal)")
    REGIONAAL_CONTACTPUNT = "regionaal_contactpunt", _("Regional contact point")
    WERK_NAAR_WERK = "werk_naar_werk", _("Work-to-work move (Human Capital Pool)")


class TrajectoryOutcome(models.TextChoices):
    LOPEND = "lopend", _("Running")
    BEHOUDEN = "behouden", _("Kept in the sector")
    NIEUWE_BAAN = "nieuwe_baan", _("New job in care or welfare")
    OPLEIDING = "opleiding", _("Started a training")
    UITGESTROOMD = "uitgestroomd", _("Left the sector")
    GESTOPT = "gestopt", _("Stopped")
