package io.octopuses.farm.outage;

import io.octopuses.farm.ServerRemoved;

/** Names in {@code processes/server-outage.bpmn}; no other class spells them. */
public final class ServerOutageProcess {

    public static final String PROCESS_KEY = "serverOutage";
    public static final String TIMER_GIVE_IT_A_MOMENT = "Timer_GiveItAMoment";
    public static final String TASK_CHECK_SERVER_STILL_OFFLINE = "Task_CheckServerStillOffline";
    public static final String TASK_INVESTIGATE_OUTAGE = "Task_InvestigateOutage";
    public static final String MESSAGE_SERVER_BACK_ONLINE = "ServerBackOnline";
    public static final String MESSAGE_SERVER_REMOVED = "ServerRemoved";
    public static final String END_TRANSIENT = "EndEvent_OutageWasTransient";
    public static final String END_RECOVERED = "EndEvent_ServerRecovered";
    public static final String END_HANDLED = "EndEvent_OutageHandled";
    public static final String END_SERVER_REMOVED = "EndEvent_ServerRemoved";

    public static final String VAR_SERVER_SLUG = "serverSlug";
    public static final String VAR_OUTAGE_DETAIL = "outageDetail";
    public static final String VAR_OPERATOR_GROUP = "operatorGroup";
    public static final String VAR_STILL_OFFLINE = "stillOffline";
    public static final String VAR_RECHECK_AFTER = "recheckAfter";

    private ServerOutageProcess() {
    }
}
