-- Prosody (main node): the visitors component, without automatic promotion. docker-jitsi-meet writes this
-- component itself when ENABLE_VISITORS=1; on a Debian install add it to /etc/prosody/conf.d/<domain>.cfg.lua.
Component "visitors.meet.example.org" "visitors_component"
    -- An observer asking to speak is never let in by itself: a moderator decides (and the hub's page offers no such
    -- request: its toolbar has no raise-hand button for observers).
    auto_allow_visitor_promotion = false
