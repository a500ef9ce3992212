package io.casedesk.cases;

import java.util.List;

public record CasePage(List<SupportCase> items, long total) {}
