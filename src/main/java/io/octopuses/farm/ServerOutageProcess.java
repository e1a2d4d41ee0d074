package io.octopuses.farm;

/** Names in {@code processes/server-outage.bpmn}; no other class spells them. */
final class ServerOutageProcess {

    static final String PROCESS_KEY = "serverOutage";
    static final String TASK_CHECK_SERVER_STILL_OFFLINE = "Task_CheckServerStillOffline";
    static final String TASK_INVESTIGATE_OUTAGE = "Task_InvestigateOutage";
    static final String MESSAGE_SERVER_BACK_ONLINE = "ServerBackOnline";
    static final String MESSAGE_SERVER_REMOVED = "ServerRemoved";
    static final String END_TRANSIENT = "EndEvent_OutageWasTransient";
    static final String END_RECOVERED = "EndEvent_ServerRecovered";
    static final String END_HANDLED = "EndEvent_OutageHandled";
    static final String END_SERVER_REMOVED = "EndEvent_ServerRemoved";

    static final String VAR_SERVER_SLUG = "serverSlug";
    static final String VAR_OUTAGE_DETAIL = "outageDetail";
    static final String VAR_OPERATOR_GROUP = "operatorGroup";
    static final String VAR_STILL_OFFLINE = "stillOffline";

    private ServerOutageProcess() {
    }
}
