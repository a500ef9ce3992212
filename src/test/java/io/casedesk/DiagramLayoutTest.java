package io.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams in {@code bpmn/} read at a glance in Modeler and Cockpit: nothing drawn over anything else (shapes,
 * labels, the lines of other flows), boundary events spaced along their activity's border, flows that start and end
 * on their shapes' borders in straight horizontal and vertical runs, groups that hold whole shapes, and the content of
 * a collapsed sub-process on its own drill-down plane. Positions are those of the diagram interchange (BPMNShape,
 * BPMNLabel and BPMNEdge bounds), which both tools draw as given.
 */
class DiagramLayoutTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.casedesk.ModelLintTest#bpmnFiles")
    void theDiagramIsLegible(Path file) {
        assertThat(DiagramLayout.violations(Bpmn.readModelFromFile(file.toFile())))
                .as("%s is not laid out legibly", file)
                .isEmpty();
    }

    @Nested
    class TheCheck {

        @Test
        void passesAClearDiagram() {
            assertThat(DiagramLayout.violations(sample())).isEmpty();
        }

        @Test
        void reportsShapesOnTopOfEachOther() {
            BpmnModelInstance model = sample();
            move(
                    model,
                    "Task_Two",
                    bounds(model, "Task_One").getX() + 30,
                    bounds(model, "Task_One").getY());

            assertThat(DiagramLayout.violations(model)).contains("Task_One and Task_Two overlap");
        }

        @Test
        void reportsLabelsOverEachOtherShapesAndLines() {
            BpmnModelInstance model = sample();
            Bounds endLabel = label(model, "EndEvent_Done");
            Bounds startLabel = label(model, "StartEvent_Go");
            startLabel.setX(endLabel.getX() + 5);
            startLabel.setY(endLabel.getY() + 2);
            Bounds task = bounds(model, "Task_One");
            Bounds flowLabel = edgeLabel(model, "Flow_Done");
            flowLabel.setX(task.getX() + 10);
            flowLabel.setY(task.getY() + 10);

            assertThat(DiagramLayout.violations(model))
                    .contains(
                            "the labels of StartEvent_Go and EndEvent_Done overlap",
                            "the label of Flow_Done covers Task_One");
        }

        @Test
        void reportsALabelOnAnotherFlowsLine() {
            BpmnModelInstance model = sample();
            Bounds flowLabel = edgeLabel(model, "Flow_Done");
            Waypoint first = edge(model, "Flow_Go").getWaypoints().iterator().next();
            flowLabel.setX(first.getX() + 2);
            flowLabel.setY(first.getY() - 5);

            assertThat(DiagramLayout.violations(model)).contains("the label of Flow_Done lies on the line of Flow_Go");
        }

        @Test
        void reportsBoundaryEventsPiledOnOneActivityOrOffItsBorder() {
            BpmnModelInstance model = sample();
            Bounds first = bounds(model, "BoundaryEvent_Late");
            move(model, "BoundaryEvent_Later", first.getX() + 10, first.getY());
            label(model, "BoundaryEvent_Later")
                    .setX(label(model, "BoundaryEvent_Late").getX() + 300);
            Bounds task = bounds(model, "Task_One");
            move(model, "BoundaryEvent_Late", first.getX(), task.getY() + 20);

            assertThat(DiagramLayout.violations(model))
                    .contains(
                            "BoundaryEvent_Late is not on the border of Task_One",
                            "BoundaryEvent_Late and BoundaryEvent_Later are piled on Task_One: keep 60 apart");
        }

        @Test
        void reportsFlowsThatMissTheirShapesOrRunAslant() {
            BpmnModelInstance model = sample();
            List<Waypoint> points = new ArrayList<>(edge(model, "Flow_Go").getWaypoints());
            points.get(0).setX(points.get(0).getX() - 40);
            Waypoint last = points.get(points.size() - 1);
            last.setX(last.getX() - 15);
            last.setY(last.getY() + 15);

            assertThat(DiagramLayout.violations(model))
                    .contains(
                            "Flow_Go does not start on the border of StartEvent_Go",
                            "Flow_Go does not end on the border of Task_One",
                            "Flow_Go runs aslant");
        }

        @Test
        void reportsAGroupThatCutsAShape() {
            BpmnModelInstance model = sample();
            Bounds task = bounds(model, "Task_One");
            Bounds group = bounds(model, "Group_Work");
            group.setX(task.getX() + 50);

            assertThat(DiagramLayout.violations(model)).contains("Group_Work cuts through Task_One");
        }

        @Test
        void reportsTheContentOfACollapsedSubProcessOnTheWrongPlane() {
            BpmnModelInstance model = Bpmn.readModelFromStream(DiagramLayoutTest.class.getResourceAsStream(
                    "/io/casedesk/layout/collapsed-sub-process-on-the-main-plane.bpmn"));

            assertThat(DiagramLayout.violations(model))
                    .contains("Task_Inside is drawn on the plane of layout-sample, but belongs to SubProcess_Work");
        }
    }

    private static BpmnModelInstance sample() {
        return Bpmn.readModelFromStream(
                DiagramLayoutTest.class.getResourceAsStream("/io/casedesk/layout/clear-diagram.bpmn"));
    }

    private static BpmnShape shape(BpmnModelInstance model, String id) {
        return model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement().getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static BpmnEdge edge(BpmnModelInstance model, String id) {
        return model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement().getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Bounds bounds(BpmnModelInstance model, String id) {
        return shape(model, id).getBounds();
    }

    private static Bounds label(BpmnModelInstance model, String id) {
        return shape(model, id).getBpmnLabel().getBounds();
    }

    private static Bounds edgeLabel(BpmnModelInstance model, String id) {
        return edge(model, id).getBpmnLabel().getBounds();
    }

    private static void move(BpmnModelInstance model, String id, double x, double y) {
        Bounds bounds = bounds(model, id);
        bounds.setX(x);
        bounds.setY(y);
    }

    /** The check itself; one line per problem, naming the elements by id. */
    static final class DiagramLayout {

        /** Closer than this, two boundary events on one activity read as one pile. */
        static final double BOUNDARY_EVENT_SPACING = 60;

        private static final double TOLERANCE = 1.5;

        private DiagramLayout() {}

        static List<String> violations(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
                violations.addAll(new PlaneCheck(diagram).violations());
            }
            return violations;
        }

        record Box(double x, double y, double w, double h) {

            static Box of(Bounds b) {
                return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
            }

            boolean overlaps(Box o) {
                return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
            }

            boolean contains(Box o) {
                return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
            }

            boolean onBorder(double px, double py) {
                boolean withinX = px >= x - TOLERANCE && px <= x + w + TOLERANCE;
                boolean withinY = py >= y - TOLERANCE && py <= y + h + TOLERANCE;
                boolean onVertical = withinY && (Math.abs(px - x) <= TOLERANCE || Math.abs(px - x - w) <= TOLERANCE);
                boolean onHorizontal = withinX && (Math.abs(py - y) <= TOLERANCE || Math.abs(py - y - h) <= TOLERANCE);
                return onVertical || onHorizontal || onEllipseOrDiamond(px, py);
            }

            /** Events are circles and gateways diamonds inside their bounds: a flow may touch them there. */
            private boolean onEllipseOrDiamond(double px, double py) {
                double cx = x + w / 2;
                double cy = y + h / 2;
                double dx = Math.abs(px - cx) / (w / 2);
                double dy = Math.abs(py - cy) / (h / 2);
                double slack = TOLERANCE / Math.min(w, h) * 2;
                return Math.abs(Math.hypot(dx, dy) - 1) <= slack || Math.abs(dx + dy - 1) <= slack;
            }

            /** Whether the axis-parallel segment from (x1,y1) to (x2,y2) passes through this box. */
            boolean crossedBy(double x1, double y1, double x2, double y2) {
                double left = Math.min(x1, x2);
                double right = Math.max(x1, x2);
                double top = Math.min(y1, y2);
                double bottom = Math.max(y1, y2);
                return left < x + w && right > x && top < y + h && bottom > y;
            }
        }

        private record Drawn(String id, BaseElement element, Box box, boolean expanded) {}

        private record Label(String owner, Box box) {}

        private static final class PlaneCheck {

            private final String planeElement;
            private final List<Drawn> shapes = new ArrayList<>();
            private final List<Drawn> groups = new ArrayList<>();
            private final Map<String, Drawn> byId = new HashMap<>();
            private final List<BpmnEdge> edges = new ArrayList<>();
            private final List<Label> labels = new ArrayList<>();
            private final List<String> violations = new ArrayList<>();

            PlaneCheck(BpmnDiagram diagram) {
                planeElement = diagram.getBpmnPlane().getBpmnElement().getId();
                for (var element : diagram.getBpmnPlane().getDiagramElements()) {
                    if (element instanceof BpmnShape shape) {
                        BaseElement semantic = shape.getBpmnElement();
                        var drawn = new Drawn(
                                semantic.getId(),
                                semantic,
                                Box.of(shape.getBounds()),
                                Boolean.TRUE.equals(shape.isExpanded()));
                        (semantic instanceof Group ? groups : shapes).add(drawn);
                        byId.put(drawn.id(), drawn);
                        if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                            labels.add(new Label(
                                    drawn.id(), Box.of(shape.getBpmnLabel().getBounds())));
                        }
                    } else if (element instanceof BpmnEdge edge) {
                        edges.add(edge);
                        if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                            labels.add(new Label(
                                    edge.getBpmnElement().getId(),
                                    Box.of(edge.getBpmnLabel().getBounds())));
                        }
                    }
                }
            }

            List<String> violations() {
                planes();
                shapesApart();
                groupsHoldWholeShapes();
                labelsClear();
                boundaryEvents();
                flows();
                return violations;
            }

            /** Content of a collapsed sub-process lives on its drill-down plane, the rest on its process's. */
            private void planes() {
                for (Drawn drawn : shapes) {
                    ModelElementInstance container = drawn.element().getParentElement();
                    while (container instanceof SubProcess sub
                            && byId.containsKey(sub.getId())
                            && byId.get(sub.getId()).expanded()) {
                        container = sub.getParentElement();
                    }
                    String owner = ((BaseElement) container).getId();
                    if (!owner.equals(planeElement)) {
                        violations.add(
                                drawn.id() + " is drawn on the plane of " + planeElement + ", but belongs to " + owner);
                    }
                }
            }

            private void shapesApart() {
                for (int i = 0; i < shapes.size(); i++) {
                    for (int j = i + 1; j < shapes.size(); j++) {
                        Drawn a = shapes.get(i);
                        Drawn b = shapes.get(j);
                        if (a.box().overlaps(b.box()) && !mayOverlap(a, b) && !mayOverlap(b, a)) {
                            violations.add(a.id() + " and " + b.id() + " overlap");
                        }
                    }
                }
            }

            /** A boundary event sits on its activity, and an expanded sub-process holds its content. */
            private static boolean mayOverlap(Drawn a, Drawn b) {
                if (a.element() instanceof BoundaryEvent event
                        && event.getAttachedTo().getId().equals(b.id())) {
                    return true;
                }
                return b.expanded() && b.box().contains(a.box());
            }

            private void groupsHoldWholeShapes() {
                for (Drawn group : groups) {
                    for (Drawn shape : shapes) {
                        if (group.box().overlaps(shape.box()) && !group.box().contains(shape.box())) {
                            violations.add(group.id() + " cuts through " + shape.id());
                        }
                    }
                }
            }

            private void labelsClear() {
                for (int i = 0; i < labels.size(); i++) {
                    Label label = labels.get(i);
                    for (int j = i + 1; j < labels.size(); j++) {
                        if (label.box().overlaps(labels.get(j).box())) {
                            violations.add("the labels of " + label.owner() + " and "
                                    + labels.get(j).owner() + " overlap");
                        }
                    }
                    for (Drawn shape : shapes) {
                        boolean inside = shape.expanded() && shape.box().contains(label.box());
                        if (label.box().overlaps(shape.box()) && !inside) {
                            violations.add("the label of " + label.owner() + " covers " + shape.id());
                        }
                    }
                    for (BpmnEdge edge : edges) {
                        String flow = edge.getBpmnElement().getId();
                        if (!flow.equals(label.owner()) && crosses(edge.getWaypoints(), label.box())) {
                            violations.add("the label of " + label.owner() + " lies on the line of " + flow);
                        }
                    }
                }
            }

            private static boolean crosses(Collection<Waypoint> waypoints, Box box) {
                List<Waypoint> points = new ArrayList<>(waypoints);
                for (int k = 1; k < points.size(); k++) {
                    Waypoint p = points.get(k - 1);
                    Waypoint q = points.get(k);
                    if (box.crossedBy(p.getX(), p.getY(), q.getX(), q.getY())) {
                        return true;
                    }
                }
                return false;
            }

            private void boundaryEvents() {
                Map<String, List<Drawn>> byHost = new HashMap<>();
                for (Drawn drawn : shapes) {
                    if (drawn.element() instanceof BoundaryEvent event) {
                        String host = event.getAttachedTo().getId();
                        Drawn hostShape = byId.get(host);
                        Box box = drawn.box();
                        if (hostShape == null
                                || !hostShape.box().onBorder(box.x() + box.w() / 2, box.y() + box.h() / 2)) {
                            violations.add(drawn.id() + " is not on the border of " + host);
                        }
                        byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(drawn);
                    }
                }
                byHost.forEach((host, events) -> {
                    for (int i = 0; i < events.size(); i++) {
                        for (int j = i + 1; j < events.size(); j++) {
                            Box a = events.get(i).box();
                            Box b = events.get(j).box();
                            double distance = Math.hypot(a.x() - b.x(), a.y() - b.y());
                            if (distance < BOUNDARY_EVENT_SPACING) {
                                violations.add(events.get(i).id() + " and "
                                        + events.get(j).id() + " are piled on " + host + ": keep "
                                        + (int) BOUNDARY_EVENT_SPACING + " apart");
                            }
                        }
                    }
                });
            }

            private void flows() {
                for (BpmnEdge edge : edges) {
                    if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                        continue;
                    }
                    List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
                    FlowNode source = flow.getSource();
                    FlowNode target = flow.getTarget();
                    Waypoint first = points.get(0);
                    Waypoint last = points.get(points.size() - 1);
                    if (!byId.containsKey(source.getId())
                            || !byId.get(source.getId()).box().onBorder(first.getX(), first.getY())) {
                        violations.add(flow.getId() + " does not start on the border of " + source.getId());
                    }
                    if (!byId.containsKey(target.getId())
                            || !byId.get(target.getId()).box().onBorder(last.getX(), last.getY())) {
                        violations.add(flow.getId() + " does not end on the border of " + target.getId());
                    }
                    for (int k = 1; k < points.size(); k++) {
                        Waypoint p = points.get(k - 1);
                        Waypoint q = points.get(k);
                        if (Math.abs(p.getX() - q.getX()) > TOLERANCE && Math.abs(p.getY() - q.getY()) > TOLERANCE) {
                            violations.add(flow.getId() + " runs aslant");
                            break;
                        }
                    }
                }
            }
        }
    }
}
