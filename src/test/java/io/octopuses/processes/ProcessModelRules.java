package io.octopuses.processes;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The house rules for every BPMN file (STYLE.md, "Processes"): Modeler attributes, history time-to-live,
 * async service tasks with an explicit retry cycle, delegate expressions naming an existing delegate bean,
 * async-after user tasks, readable element ids and a complete diagram. Returns the violations, one line each.
 */
final class ProcessModelRules {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
    private static final String ENGINE_VERSION = "7.24.0";

    private final Predicate<String> delegateBeanExists;

    ProcessModelRules(Predicate<String> delegateBeanExists) {
        this.delegateBeanExists = delegateBeanExists;
    }

    List<String> check(String name, InputStream bpmn) {
        List<String> violations = new ArrayList<>();
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(bpmn);
        } catch (RuntimeException unreadable) {
            return List.of(name + ": not a readable BPMN 2.0 file: " + unreadable.getMessage());
        }
        Definitions definitions = model.getDefinitions();
        if (!"Camunda Platform".equals(definitions.getAttributeValueNs(MODELER_NS, "executionPlatform"))) {
            violations.add(name + ": definitions lack modeler:executionPlatform=\"Camunda Platform\"");
        }
        if (!ENGINE_VERSION.equals(definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion"))) {
            violations.add(name + ": definitions lack modeler:executionPlatformVersion=\"" + ENGINE_VERSION + "\"");
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(name + ": process " + process.getId() + " has no camunda:historyTimeToLive");
            }
            if (!process.isExecutable()) {
                violations.add(name + ": process " + process.getId() + " is not executable");
            }
        }
        List<BaseElement> serviceLike = new ArrayList<>();
        serviceLike.addAll(model.getModelElementsByType(ServiceTask.class));
        serviceLike.addAll(model.getModelElementsByType(SendTask.class));
        serviceLike.addAll(model.getModelElementsByType(BusinessRuleTask.class));
        for (BaseElement task : serviceLike) {
            checkServiceTask(name, task, violations);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (!task.isCamundaAsyncAfter()) {
                violations.add(name + ": user task " + task.getId() + " is not camunda:asyncAfter");
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!node.getId().matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+")) {
                violations.add(name + ": element id " + node.getId() + " is not readable (e.g. Task_ApprovePromotion)");
            }
        }
        checkDiagram(name, model, violations);
        return violations;
    }

    private void checkServiceTask(String name, BaseElement task, List<String> violations) {
        String id = task.getId();
        if (!"true".equals(task.getAttributeValueNs(CAMUNDA_NS, "asyncBefore"))) {
            violations.add(name + ": service task " + id + " is not camunda:asyncBefore");
        }
        Collection<CamundaFailedJobRetryTimeCycle> cycles = task.getChildElementsByType(
                org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                .flatMap(extensions -> extensions.getChildElementsByType(CamundaFailedJobRetryTimeCycle.class).stream())
                .toList();
        if (cycles.isEmpty() || cycles.iterator().next().getTextContent().isBlank()) {
            violations.add(name + ": service task " + id + " has no camunda:failedJobRetryTimeCycle");
        }
        for (String forbidden : List.of("class", "expression", "type", "topic")) {
            if (task.getAttributeValueNs(CAMUNDA_NS, forbidden) != null) {
                violations.add(name + ": service task " + id + " uses camunda:" + forbidden + "; only delegateExpression is allowed");
            }
        }
        String expression = task.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
        if (expression == null) {
            violations.add(name + ": service task " + id + " has no camunda:delegateExpression");
        } else if (!expression.matches("\\$\\{[a-z][A-Za-z0-9]*}")) {
            violations.add(name + ": service task " + id + " delegateExpression " + expression + " is not ${beanName}");
        } else {
            String bean = expression.substring(2, expression.length() - 1);
            if (!delegateBeanExists.test(bean)) {
                violations.add(name + ": service task " + id + " names delegate bean '" + bean + "', but no JavaDelegate class "
                        + Character.toUpperCase(bean.charAt(0)) + bean.substring(1) + " exists");
            }
        }
    }

    private static void checkDiagram(String name, BpmnModelInstance model, List<String> violations) {
        Set<String> drawn = new java.util.HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        List<ModelElementInstance> drawable = new ArrayList<>();
        drawable.addAll(model.getModelElementsByType(FlowNode.class));
        drawable.addAll(model.getModelElementsByType(SequenceFlow.class));
        String missing = drawable.stream()
                .map(element -> ((BaseElement) element).getId())
                .filter(id -> !drawn.contains(id))
                .sorted()
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            violations.add(name + ": the diagram does not show " + missing + " (open and save it in Camunda Modeler)");
        }
    }
}
