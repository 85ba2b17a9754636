/**
 * Examples on the main operations, keyed by operationId (api/openapi.ts puts them into the document). They are
 * real answers: recorded from a run of these requests on a fresh database (a clock at 2026-05-04T10:00Z), the
 * volumes and the overview aside, which are made up to look like a few days of a shop. Redocly checks each against its schema
 * (no-invalid-media-type-examples, an error in redocly.yaml), so an example cannot drift from its operation.
 */
export interface OperationExample {
  /** The JSON request body. */
  request?: unknown;
  /** Response bodies by status. */
  responses?: Readonly<Record<string, unknown>>;
}

export const EXAMPLES: Readonly<Record<string, OperationExample>> = {
  upsertProduct: {
    request: {
      sku: 'TEE-RED-M',
      title: 'Organic tee, red, M',
      description: 'Heavyweight organic cotton tee.',
      category: 'Tops',
      brand: 'Northfield',
      price: '24.90',
      currency: 'EUR',
      attributes: {
        color: 'red',
        size: 'M'
      },
      policy: {
        lowStockThreshold: 5,
        allowBackorder: true,
        backorderLimit: 50,
        leadTimeDays: 14
      }
    },
    responses: {
      '201': {
        sku: 'TEE-RED-M',
        title: 'Organic tee, red, M',
        description: 'Heavyweight organic cotton tee.',
        category: 'Tops',
        brand: 'Northfield',
        price: '24.90',
        currency: 'EUR',
        attributes: {
          color: 'red',
          size: 'M'
        },
        status: 'active',
        policy: {
          trackInventory: true,
          lowStockThreshold: 5,
          allowBackorder: true,
          backorderLimit: 50,
          allowPreorder: false,
          preorderLimit: null,
          releaseDate: null,
          leadTimeDays: 14
        },
        createdAt: '2026-05-04T10:00:00.000Z',
        updatedAt: '2026-05-04T10:00:00.000Z'
      }
    },
  },
  listProducts: {
    responses: {
      '200': {
        items: [
          {
            sku: 'TEE-BLUE-M',
            title: 'Organic tee, blue, M',
            description: '',
            category: '',
            brand: '',
            price: '24.90',
            currency: 'EUR',
            attributes: {},
            status: 'active',
            policy: {
              trackInventory: true,
              lowStockThreshold: 5,
              allowBackorder: true,
              backorderLimit: null,
              allowPreorder: false,
              preorderLimit: null,
              releaseDate: null,
              leadTimeDays: null
            },
            createdAt: '2026-05-04T10:00:00.000Z',
            updatedAt: '2026-05-04T10:00:00.000Z'
          },
          {
            sku: 'TEE-RED-M',
            title: 'Organic tee, red, M',
            description: 'Heavyweight organic cotton tee.',
            category: 'Tops',
            brand: 'Northfield',
            price: '24.90',
            currency: 'EUR',
            attributes: {
              color: 'red',
              size: 'M'
            },
            status: 'active',
            policy: {
              trackInventory: true,
              lowStockThreshold: 5,
              allowBackorder: true,
              backorderLimit: 50,
              allowPreorder: false,
              preorderLimit: null,
              releaseDate: null,
              leadTimeDays: 14
            },
            createdAt: '2026-05-04T10:00:00.000Z',
            updatedAt: '2026-05-04T10:00:00.000Z'
          }
        ],
        next: 'TEE-RED-M'
      }
    },
  },
  getProduct: {
    responses: {
      '200': {
        sku: 'TEE-RED-M',
        title: 'Organic tee, red, M',
        description: 'Heavyweight organic cotton tee.',
        category: 'Tops',
        brand: 'Northfield',
        price: '24.90',
        currency: 'EUR',
        attributes: {
          color: 'red',
          size: 'M'
        },
        status: 'active',
        policy: {
          trackInventory: true,
          lowStockThreshold: 5,
          allowBackorder: true,
          backorderLimit: 50,
          allowPreorder: false,
          preorderLimit: null,
          releaseDate: null,
          leadTimeDays: 14
        },
        createdAt: '2026-05-04T10:00:00.000Z',
        updatedAt: '2026-05-04T10:00:00.000Z'
      }
    },
  },
  pushInventoryFeed: {
    request: {
      lines: [
        {
          sku: 'TEE-RED-M',
          location: 'WH-BERLIN',
          onHand: 40,
          idempotencyKey: 'wms-2026-05-04-0001'
        },
        {
          sku: 'TEE-RED-M',
          location: 'ST-MUNICH',
          onHand: 6,
          idempotencyKey: 'pos-munich-88121',
          reason: 'store count'
        },
        {
          sku: 'TEE-BLUE-M',
          location: 'WH-BERLIN',
          onHand: 0,
          idempotencyKey: 'wms-2026-05-04-0002'
        }
      ]
    },
    responses: {
      '200': {
        lines: [
          {
            idempotencyKey: 'wms-2026-05-04-0001',
            sku: 'TEE-RED-M',
            location: 'WH-BERLIN',
            status: 'applied',
            onHand: 40
          },
          {
            idempotencyKey: 'pos-munich-88121',
            sku: 'TEE-RED-M',
            location: 'ST-MUNICH',
            status: 'applied',
            onHand: 6
          },
          {
            idempotencyKey: 'wms-2026-05-04-0002',
            sku: 'TEE-BLUE-M',
            location: 'WH-BERLIN',
            status: 'applied',
            onHand: 0
          }
        ]
      }
    },
  },
  getInventory: {
    responses: {
      '200': {
        sku: 'TEE-RED-M',
        levels: [
          {
            sku: 'TEE-RED-M',
            location: 'ST-MUNICH',
            onHand: 6,
            reserved: 0,
            committed: 0,
            safetyStock: 0,
            inbound: 0
          },
          {
            sku: 'TEE-RED-M',
            location: 'WH-BERLIN',
            onHand: 40,
            reserved: 0,
            committed: 3,
            safetyStock: 0,
            inbound: 0
          }
        ],
        totals: {
          onHand: 46,
          reserved: 0,
          committed: 3,
          safetyStock: 0,
          inbound: 0,
          availableToSell: 43
        }
      }
    },
  },
  getAvailability: {
    responses: {
      '200': {
        sku: 'TEE-RED-M',
        status: 'in_stock',
        availableToSell: 46,
        locations: [
          {
            location: 'WH-BERLIN',
            region: 'EU',
            availableToSell: 40
          },
          {
            location: 'ST-MUNICH',
            region: 'EU',
            availableToSell: 6
          }
        ],
        nextInboundDate: null,
        promisedDate: null,
        message: 'In stock',
        version: 2
      }
    },
  },
  getAvailabilityBatch: {
    request: {
      skus: [
        'TEE-RED-M',
        'TEE-BLUE-M',
        'TEE-GONE'
      ]
    },
    responses: {
      '200': {
        items: [
          {
            sku: 'TEE-RED-M',
            status: 'in_stock',
            availableToSell: 46,
            locations: [
              {
                location: 'WH-BERLIN',
                region: 'EU',
                availableToSell: 40
              },
              {
                location: 'ST-MUNICH',
                region: 'EU',
                availableToSell: 6
              }
            ],
            nextInboundDate: null,
            promisedDate: null,
            message: 'In stock',
            version: 2
          },
          {
            sku: 'TEE-BLUE-M',
            status: 'backorder',
            availableToSell: 0,
            locations: [
              {
                location: 'WH-BERLIN',
                region: 'EU',
                availableToSell: 0
              }
            ],
            nextInboundDate: '2026-05-20',
            promisedDate: '2026-05-20',
            message: 'Available on backorder: ships by 2026-05-20',
            version: 3
          }
        ],
        unknown: [
          'TEE-GONE'
        ]
      }
    },
  },
  createReservation: {
    request: {
      sku: 'TEE-RED-M',
      quantity: 2,
      ttlSeconds: 900,
      reference: 'cart-8f2c'
    },
    responses: {
      '201': {
        id: 'res_0mx8eoy9fpahqi4fe59dc',
        sku: 'TEE-RED-M',
        quantity: 2,
        status: 'active',
        reference: 'cart-8f2c',
        expiresAt: '2026-05-04T10:15:00.000Z',
        createdAt: '2026-05-04T10:00:00.000Z',
        lines: [
          {
            location: 'WH-BERLIN',
            quantity: 2
          }
        ]
      },
      '409': {
        error: {
          code: 'insufficient_stock',
          message: 'only 1 of TEE-RED-M available, 2 requested',
          details: {
            sku: 'TEE-RED-M',
            requested: 2,
            available: 1
          }
        }
      }
    },
  },
  commitReservation: {
    responses: {
      '200': {
        id: 'res_0mx8eoy9fpahqi4fe59dc',
        sku: 'TEE-RED-M',
        quantity: 2,
        status: 'committed',
        reference: 'cart-8f2c',
        expiresAt: '2026-05-04T10:15:00.000Z',
        createdAt: '2026-05-04T10:00:00.000Z',
        lines: [
          {
            location: 'WH-BERLIN',
            quantity: 2
          }
        ]
      }
    },
  },
  createOrder: {
    request: {
      customer: {
        id: 'cus_1042',
        email: 'ann@example.com',
        locale: 'en'
      },
      lines: [
        {
          sku: 'TEE-RED-M',
          quantity: 1
        },
        {
          sku: 'TEE-BLUE-M',
          quantity: 2,
          allowPartial: true
        }
      ]
    },
    responses: {
      '201': {
        id: 'ord_0mx8eoy9t5y8kfg9zazwz',
        customer: {
          id: 'cus_1042',
          email: 'ann@example.com',
          tier: null,
          locale: 'en'
        },
        lines: [
          {
            id: 'line_0mx8eoy9t7r7qlyzmzkdc',
            lineNo: 1,
            sku: 'TEE-RED-M',
            quantity: 1,
            fromStock: 1,
            backordered: 0,
            preordered: 0,
            allocated: 0,
            waiting: 0,
            promisedDate: '2026-05-04',
            status: 'confirmed',
            allowPartial: true,
            reservationId: null
          },
          {
            id: 'line_0mx8eoy9tqlrd3omavu5g',
            lineNo: 2,
            sku: 'TEE-BLUE-M',
            quantity: 2,
            fromStock: 0,
            backordered: 2,
            preordered: 0,
            allocated: 0,
            waiting: 2,
            promisedDate: '2026-05-20',
            status: 'backordered',
            allowPartial: true,
            reservationId: null
          }
        ],
        createdAt: '2026-05-04T10:00:00.000Z',
        payment: {
          status: 'confirmed',
          expiresAt: null
        },
        token: 'eyJwIjoib3JkZXIiLCJzIjoib3JkXzBteDhlb3k5dDV5OGtmZzl6YXp3eiJ9.byIk_ZB-SF4v_LggJUJG4xwJGdFvZqI-x418nb28kn0',
        links: {
          self: 'http://localhost:3000/o/eyJwIjoib3JkZXIiLCJzIjoib3JkXzBteDhlb3k5dDV5OGtmZzl6YXp3eiJ9.byIk_ZB-SF4v_LggJUJG4xwJGdFvZqI-x418nb28kn0'
        }
      }
    },
  },
  getOrder: {
    responses: {
      '200': {
        id: 'ord_0mx8eoy9t5y8kfg9zazwz',
        customer: {
          id: 'cus_1042',
          email: 'ann@example.com',
          tier: null,
          locale: 'en'
        },
        lines: [
          {
            id: 'line_0mx8eoy9t7r7qlyzmzkdc',
            lineNo: 1,
            sku: 'TEE-RED-M',
            quantity: 1,
            fromStock: 1,
            backordered: 0,
            preordered: 0,
            allocated: 0,
            waiting: 0,
            promisedDate: '2026-05-04',
            status: 'confirmed',
            allowPartial: true,
            reservationId: null
          },
          {
            id: 'line_0mx8eoy9tqlrd3omavu5g',
            lineNo: 2,
            sku: 'TEE-BLUE-M',
            quantity: 2,
            fromStock: 0,
            backordered: 2,
            preordered: 0,
            allocated: 0,
            waiting: 2,
            promisedDate: '2026-05-20',
            status: 'backordered',
            allowPartial: true,
            reservationId: null
          }
        ],
        createdAt: '2026-05-04T10:00:00.000Z',
        payment: {
          status: 'confirmed',
          expiresAt: null
        }
      }
    },
  },
  joinWaitlist: {
    request: {
      sku: 'TEE-BLUE-M',
      email: 'ben@example.com',
      quantity: 1,
      locale: 'en'
    },
    responses: {
      '202': {
        status: 'pending'
      }
    },
  },
  createInbound: {
    request: {
      sku: 'TEE-BLUE-M',
      location: 'WH-BERLIN',
      quantity: 120,
      expectedDate: '2026-05-20',
      reference: 'PO-4711'
    },
    responses: {
      '201': {
        id: 'inb_0mx8eoy8cg34emnwx32wz',
        sku: 'TEE-BLUE-M',
        location: 'WH-BERLIN',
        quantity: 120,
        received: 0,
        expectedDate: '2026-05-20',
        reference: 'PO-4711',
        status: 'open',
        createdAt: '2026-05-04T10:00:00.000Z'
      }
    },
  },
  listInbound: {
    responses: {
      '200': {
        items: [
          {
            id: 'inb_0mx8eoy8cg34emnwx32wz',
            sku: 'TEE-BLUE-M',
            location: 'WH-BERLIN',
            quantity: 120,
            received: 0,
            expectedDate: '2026-05-20',
            reference: 'PO-4711',
            status: 'open',
            createdAt: '2026-05-04T10:00:00.000Z'
          }
        ],
        total: 1
      }
    },
  },
  updateProduct: {
    request: {
      price: '22.90',
      policy: {
        lowStockThreshold: 8
      }
    },
    responses: {
      '200': {
        sku: 'TEE-RED-M',
        title: 'Organic tee, red, M',
        description: 'Heavyweight organic cotton tee.',
        category: 'Tops',
        brand: 'Northfield',
        price: '22.90',
        currency: 'EUR',
        attributes: {
          color: 'red',
          size: 'M'
        },
        status: 'active',
        policy: {
          trackInventory: true,
          lowStockThreshold: 8,
          allowBackorder: true,
          backorderLimit: 50,
          allowPreorder: false,
          preorderLimit: null,
          releaseDate: null,
          leadTimeDays: 14
        },
        createdAt: '2026-05-04T10:00:00.000Z',
        updatedAt: '2026-05-04T10:05:00.000Z'
      }
    },
  },
  listStock: {
    responses: {
      '200': {
        items: [
          {
            sku: 'TEE-BLUE-M',
            title: 'Organic tee, blue, M',
            category: 'Tops',
            productStatus: 'active',
            status: 'backorder',
            onHand: 2,
            reserved: 0,
            committed: 2,
            safetyStock: 0,
            free: 0,
            availableToSell: 0,
            backordered: 3,
            preordered: 0,
            inbound: 120,
            waiting: 4,
            waitingUnits: 5,
            lowStockThreshold: 5
          },
          {
            sku: 'TEE-RED-M',
            title: 'Organic tee, red, M',
            category: 'Tops',
            productStatus: 'active',
            status: 'in_stock',
            onHand: 40,
            reserved: 3,
            committed: 5,
            safetyStock: 2,
            free: 30,
            availableToSell: 30,
            backordered: 0,
            preordered: 0,
            inbound: 0,
            waiting: 0,
            waitingUnits: 0,
            lowStockThreshold: 5
          }
        ],
        total: 2
      }
    },
  },
  getOverview: {
    responses: {
      '200': {
        counts: {
          products: 42,
          byStatus: { in_stock: 31, low_stock: 4, out_of_stock: 3, backorder: 2, preorder: 1, discontinued: 1 }
        },
        outOfStock: {
          total: 3,
          items: [
            { sku: 'CAP-GREEN', title: 'Cap, green', since: '2026-05-03T16:12:09.412Z', waiting: 7, backordered: 0 },
            { sku: 'SOCK-GREY-L', title: 'Socks, grey, L', since: null, waiting: 0, backordered: 0 }
          ]
        },
        atRisk: {
          total: 4,
          items: [
            { sku: 'TEE-RED-S', title: 'Organic tee, red, S', availableToSell: 2, lowStockThreshold: 5, daysOfCover: 1.6 },
            { sku: 'HOODIE-M', title: 'Hoodie, M', availableToSell: 4, lowStockThreshold: 5, daysOfCover: null }
          ]
        },
        waitlistDemand: {
          total: 2,
          items: [
            { sku: 'CAP-GREEN', title: 'Cap, green', people: 7, units: 9 },
            { sku: 'TEE-BLUE-M', title: 'Organic tee, blue, M', people: 4, units: 5 }
          ]
        },
        lateInbound: {
          total: 1,
          items: [
            { id: 'inb_0mx8eoy8cg34emnwx32wz', sku: 'TEE-BLUE-M', title: 'Organic tee, blue, M', quantity: 120, expectedAt: '2026-05-01', daysLate: 3 }
          ]
        },
        messages: { queued: 2, failedLast24h: 0 },
        webhooks: { endpoints: 1, failing: 0 }
      }
    },
  },
  getMessageVolume: {
    responses: {
      '200': {
        days: [
          {
            date: '2026-05-02',
            sent: 184,
            failed: 1,
            queued: 0
          },
          {
            date: '2026-05-03',
            sent: 203,
            failed: 0,
            queued: 0
          },
          {
            date: '2026-05-04',
            sent: 97,
            failed: 2,
            queued: 5
          }
        ]
      }
    },
  },
  getWebhookVolume: {
    responses: {
      '200': {
        days: [
          {
            date: '2026-05-02',
            delivered: 1312,
            failed: 0,
            pending: 0
          },
          {
            date: '2026-05-03',
            delivered: 1287,
            failed: 4,
            pending: 0
          },
          {
            date: '2026-05-04',
            delivered: 655,
            failed: 0,
            pending: 12
          }
        ]
      }
    },
  },
};

/** Payloads (`data`) of webhook deliveries by event type, recorded from the outbox of a run like the one above. */
export const WEBHOOK_EXAMPLES: Readonly<Record<string, unknown>> = {
  'inventory.availability_changed': {
    sku: 'TEE-RED-M',
    before: {
      status: 'low_stock',
      availableToSell: 3
    },
    after: {
      status: 'backorder',
      availableToSell: 0,
      message: 'Available on backorder: ships by 2026-05-20',
      nextInboundDate: '2026-05-20',
      promisedDate: '2026-05-20'
    },
    version: 5
  },
  'inventory.low_stock': {
    sku: 'TEE-RED-M',
    before: {
      status: 'in_stock',
      availableToSell: 6
    },
    after: {
      status: 'low_stock',
      availableToSell: 3,
      message: 'Only 3 left in stock',
      nextInboundDate: null,
      promisedDate: null
    },
    version: 3
  },
  'inventory.out_of_stock': {
    sku: 'TEE-RED-M',
    before: {
      status: 'low_stock',
      availableToSell: 3
    },
    after: {
      status: 'backorder',
      availableToSell: 0,
      message: 'Available on backorder: ships by 2026-05-20',
      nextInboundDate: '2026-05-20',
      promisedDate: '2026-05-20'
    },
    version: 5
  },
  'inventory.back_in_stock': {
    sku: 'TEE-RED-M',
    before: {
      status: 'backorder',
      availableToSell: 0
    },
    after: {
      status: 'in_stock',
      availableToSell: 6,
      message: 'In stock',
      nextInboundDate: null,
      promisedDate: null
    },
    version: 2
  },
  'order.created': {
    orderId: 'ord_0mx8esz3rwmfjdmdky3ho',
    email: 'ann@example.com',
    locale: 'en',
    customerId: 'cus_1042',
    lines: [
      {
        lineId: 'line_0mx8esz3r30witjdbcooy',
        sku: 'TEE-RED-M',
        quantity: 5,
        fromStock: 3,
        backordered: 2,
        preordered: 0,
        promisedDate: '2026-05-20',
        status: 'backordered'
      }
    ]
  },
  'waitlist.subscribed': {
    id: 'wl_0mx8esz4bbcwezuywymzq',
    sku: 'TEE-RED-M',
    email: 'ben@example.com',
    quantity: 1,
    status: 'pending'
  },
};
